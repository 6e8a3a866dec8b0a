"""Every lint rule, one module each; importing this package registers them all."""

from . import (  # noqa: F401 - imported to register the rules
    tr000_loader,
    tr100_schema,
    tr101_file_name,
    tr102_unique_ids,
    tr103_organisations,
    tr104_caveat,
    tr105_primary_source,
    tr106_source_domain,
    tr107_safe_urls,
    tr108_dates,
    tr109_retrieved,
    tr111_two_level,
    tr112_canonical,
    tr113_stale,
    tr114_generated_schema,
    tr115_plain_text,
    tr118_source_kind,
    tr119_site_root,
    tr120_stray_files,
    tr121_grade_route,
    tr123_grade_facts,
    tr124_platform_cells,
    tr130_draft_quotes,
    tr131_quote_length,
    tr132_documented_no_quote,
    tr133_excerpt_file,
    tr134_excerpt_quotation,
    tr135_quote_in_excerpt,
    tr137_read_record,
    tr200_corrections,
    tr300_network,
)
from .base import RULES, At, Context, Rule

__all__ = ["RULES", "At", "Context", "Rule"]
