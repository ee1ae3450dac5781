"""Pure functions from article text to frozen records: no I/O, no TinyDB."""

from .article import PARSER_VERSION, parse_article
from .decode import DecodeError, decode_bytes
from .names import fold, speaker_key

__all__ = ["PARSER_VERSION", "DecodeError", "decode_bytes", "fold", "parse_article", "speaker_key"]
