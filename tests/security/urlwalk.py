"""Every URL pattern the project resolves, found by walking the root resolver."""

from dataclasses import dataclass

from django.urls import URLResolver, get_resolver


@dataclass(frozen=True)
class Pattern:
    name: str  # "namespace:name", or the route itself when the pattern has no name
    route: str  # the whole route, e.g. "canvases/<int:pk>/save/"
    kwargs: tuple  # the names of the route's arguments, in order


def walk(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, route, inner)
        else:
            name = f"{namespace}{entry.name}" if entry.name else route
            yield Pattern(name, route, tuple(entry.pattern.regex.groupindex))


def patterns(skipped: dict) -> list[Pattern]:
    """All patterns except those under a skipped route prefix."""
    return [p for p in walk() if not any(p.route.startswith(s) for s in skipped)]
