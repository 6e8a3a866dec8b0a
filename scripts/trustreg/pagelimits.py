"""How much a child process that reads a page's text may use (pagetext.py sets it, extract.py
names it when a page goes beyond it)."""

MEMORY = 300 * 1024 * 1024  # address space of the child: its resident size stays below it
