"""Every JSON Schema of the registry, made in one place: the data files' (data_files), the published
outputs' (published), the shipped schema files' checks (shipped), validation with findings that
explain each error (validation), built outputs checked before they are written (outputs), and the
list of every generated schema file (generated)."""
