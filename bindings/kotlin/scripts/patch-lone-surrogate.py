#!/usr/bin/env python3
"""Makes a lone UTF-16 surrogate in a Kotlin string a typed `PspException` (invalid_request)
instead of the `java.nio.charset.MalformedInputException` uniffi's string converter throws
while encoding an argument. The converter does not know which field it is encoding, so the
message says what is wrong, not where. The exact block is replaced once in each file; the build
fails if uniffi's output no longer has it, instead of shipping the old behaviour silently.

Usage: patch-lone-surrogate.py GENERATED.kt...
"""
import sys

OLD = """        return Charsets.UTF_8.newEncoder().run {
            onMalformedInput(CodingErrorAction.REPORT)
            encode(CharBuffer.wrap(value))
        }
"""
NEW = """        return try {
            Charsets.UTF_8.newEncoder().run {
                onMalformedInput(CodingErrorAction.REPORT)
                encode(CharBuffer.wrap(value))
            }
        } catch (e: java.nio.charset.CharacterCodingException) {
            // pspkit (scripts/patch-lone-surrogate.py): a typed input error, as in JS and Python.
            throw dev.pspkit.ffi.PspException.Failure(
                dev.pspkit.model.ErrorCode.INVALID_REQUEST, false, null, null,
                "a text value is not valid Unicode text (a lone UTF-16 surrogate)",
            )
        }
"""

for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    n = text.count(OLD)
    if n != 1:
        sys.exit(f"patch-lone-surrogate.py: expected uniffi's toUtf8 block once in {path}, found {n}")
    open(path, "w", encoding="utf-8").write(text.replace(OLD, NEW, 1))
