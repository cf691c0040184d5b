"""The brand registry: brand files in YAML, validated into domain Brands."""

from hallmark.registry.loader import brand_content_hash, load_brand_file, parse_brand

__all__ = ["brand_content_hash", "load_brand_file", "parse_brand"]
