"""Redirects the generated `Gateway.build`, `parse` and `parseCallback` to dev.pspkit.DirectAbi.

uniffi's generated calls cost ~20 µs each in JNA `Structure` marshalling (see DirectAbi.kt and
bindings/uniffi/src/kotlin_abi.rs); the redirected methods keep their signatures, so the public
API is unchanged. Each method is found by its exact signature and must occur once: if uniffi's
output changes shape, the build fails here instead of shipping the slow path silently.
Usage: python3 patch-direct.py bindings/kotlin/generated/dev/pspkit/ffi/pspkit_ffi.kt
"""
import re
import sys

# (signature regex, the new body's expression)
METHODS = [
    (r"override fun `build`\(`operation`: Operation, `context`: Context\)\s*: HttpRequest \{",
     "dev.pspkit.DirectAbi.build(it, `operation`, `context`)"),
    (r"override fun `parse`\(`operation`: Operation, `response`: HttpResponse\)\s*: Outcome \{",
     "dev.pspkit.DirectAbi.parse(it, `operation`, `response`)"),
    (r"override fun `parseCallback`\(`request`: HttpRequest, `context`: Context\)\s*: CallbackEvent \{",
     "dev.pspkit.DirectAbi.parseCallback(it, `request`, `context`)"),
]

# Keeps the object alive for the call (its call counter, as uniffi's callWithHandle does) but
# passes the handle itself: the direct ABI borrows it, so there is no clone call to pay for.
BORROW = """
    // pspkit (scripts/patch-direct.py): the handle for a call that borrows it (DirectAbi).
    private inline fun <R> uniffiBorrowHandle(block: (handle: Long) -> R): R {
        do {
            val c = this.callCounter.get()
            if (c == 0L) {
                throw IllegalStateException("${this.javaClass.simpleName} object has already been destroyed")
            }
            if (c == Long.MAX_VALUE) {
                throw IllegalStateException("${this.javaClass.simpleName} call counter would overflow")
            }
        } while (! this.callCounter.compareAndSet(c, c + 1L))
        try {
            return block(this.handle)
        } finally {
            if (this.callCounter.decrementAndGet() == 0L) {
                cleanable?.clean()
            }
        }
    }

"""


def body_end(text: str, open_brace: int) -> int:
    """The index just past the brace that closes the one at `open_brace`."""
    depth = 0
    for i in range(open_brace, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    raise SystemExit("patch-direct.py: unbalanced braces after a patched method")


def main(path: str) -> None:
    text = open(path, encoding="utf-8").read()
    # The helper goes into the Gateway class, after its call counter.
    start = text.find("\nopen class Gateway: ")
    anchor = "    private val callCounter = AtomicLong(1)\n"
    at = text.find(anchor, start)
    if start < 0 or at < 0 or text.find("\nopen class ", start + 1, at) >= 0:
        raise SystemExit(f"patch-direct.py: no call counter in the Gateway class of {path}")
    text = text[:at + len(anchor)] + BORROW + text[at + len(anchor):]
    for signature, call in METHODS:
        found = list(re.finditer(signature, text))
        if len(found) != 1:
            raise SystemExit(f"patch-direct.py: expected {signature!r} once in {path}, found {len(found)}")
        m = found[0]
        end = body_end(text, m.end() - 1)
        head = text[m.start():m.end() - 1].rstrip()
        replacement = f"{head} =\n        uniffiBorrowHandle {{ {call} }}"
        text = text[:m.start()] + replacement + text[end:]
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main(sys.argv[1])
