"""The module paths 0.1 had, private since 0.2: they still import until 0.3, with a warning.

Imported first by `wpparse/__init__.py`, before anything that takes time: another thread that
imports an old path (or unpickles a post pickled by 0.1) while wpparse is being imported finds
them already (see `wpparse._deprecation.OldPaths`).
"""

from wpparse._deprecation import moved_modules

PRIVATE_PACKAGES = ("read", "structure", "normalize", "errors", "limits", "parse")
PRIVATE_BLOCKS = (
    "attributes", "deepjson", "delimiters", "flavors", "model", "parser", "query", "serializer",
)  # fmt: skip
PRIVATE_OUTPUT = (
    "batch", "cli", "convert", "exits", "inputs", "jsonl", "markdown_rewrite", "parquet",
    "partitions", "pool", "progress", "records", "summary", "writers",
)  # fmt: skip


moved_modules(
    {
        **{f"wpparse.{name}": f"wpparse._{name}" for name in PRIVATE_PACKAGES},
        **{f"wpparse.blocks.{name}": f"wpparse.blocks._{name}" for name in PRIVATE_BLOCKS},
        **{f"wpparse.output.{name}": f"wpparse.output._{name}" for name in PRIVATE_OUTPUT},
    }
)
