"""Schema conformance, and the schema-checked rules that carry codes of their own."""

from .base import Rule, register

register(Rule("TR100", "schema", "file",
              "The file conforms to its JSON Schema in schema/ (the offering schema is "
              "generated from schema/vocabulary.yaml).",
              kinds=("offering", "organisation", "registry", "vocabulary")))
register(Rule("TR110", "declared-facts", "offering",
              "Facts are declared for the cell's dimension in schema/vocabulary.yaml and have "
              "the declared type."))
register(Rule("TR122", "current-format", "file",
              "The offering file declares the current `format` (schema/vocabulary.yaml); "
              "`trustreg fix` migrates older files."))
register(Rule("TR116", "vocabulary-consistent", "file",
              "Grade, group and dimension ids in schema/vocabulary.yaml are unique, and every "
              "dimension's group is declared.", kinds=("vocabulary",)))
register(Rule("TR117", "model-shape", "file",
              "registry.yaml, schema/vocabulary.yaml and organisations have the keys and types "
              "trustreg's code reads, even where an edited schema in schema/ would let them pass.",
              kinds=("registry", "vocabulary", "organisation")))
