"""Check that every source, archive and trust-center URL still answers (uses the network).

Every request goes through the fetcher that `cite` and `watch` use, with the same limits
(`--timeout` is a deadline per URL, redirects included) and the same `--resolve` for tests.
Exit status: 0 all answered, 1 some are broken, 2 usage error.
"""

from __future__ import annotations

import argparse

from .network import add_network_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_network_arguments(parser)


def run(args: argparse.Namespace) -> int:
    import sys

    from ..api import RegistryError, load_registry
    from ..findings import render
    from ..linkcheck import check_links, registry_urls
    from .network import fetcher

    try:
        registry = load_registry(args.root)
    except RegistryError as exc:
        sys.stdout.write(render(exc.findings, "text"))
        print("trustreg links: the registry has errors; no link was checked", file=sys.stderr)
        return 1
    with fetcher(args) as client:
        results = check_links(registry_urls(registry), client)
    for result in results:
        status = result.status if result.status is not None else "---"
        print(f"{'ok ' if result.ok else 'BAD'} {status} {result.url} {result.error}".rstrip())
    return 0 if all(r.ok for r in results) else 1
