package dev.pspkit

/**
 * A secret (token, key) as it crosses from the core: `toString()` prints `***`, so a generated
 * config's `toString()` never shows a key. Read the value with [expose].
 */
class Secret(private val value: String) {
    fun expose(): String = value
    override fun toString(): String = "***"
    override fun equals(other: Any?): Boolean = other is Secret && other.value == value
    override fun hashCode(): Int = value.hashCode()
}
