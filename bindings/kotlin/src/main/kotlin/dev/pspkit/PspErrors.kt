package dev.pspkit

import dev.pspkit.ffi.PspException
import dev.pspkit.model.ErrorCode

// PspException has one variant (uniffi errors are enums); these read its fields from the base
// type so callers can `catch (e: PspException) { e.code }`.
val PspException.code: ErrorCode get() = when (this) { is PspException.Failure -> code }
val PspException.retryable: Boolean get() = when (this) { is PspException.Failure -> retryable }
val PspException.httpStatus: UShort? get() = when (this) { is PspException.Failure -> httpStatus }
val PspException.providerCode: String? get() = when (this) { is PspException.Failure -> providerCode }
val PspException.detail: String get() = when (this) { is PspException.Failure -> detail }

/** The DESIGN §5 snake_case name of a code, e.g. `temporarily_unavailable`. */
val ErrorCode.wireName: String get() = name.lowercase()

/**
 * The error a transport raises when no HTTP response arrived: the outcome is unknown. Pass the
 * I/O exception as [cause] (or a [TransportFailure] naming the kind): `Client.run` reports its
 * kind (timeout, refused, reset, ...) to the flow, see [transportKind].
 */
fun transportError(what: String, cause: Throwable? = null): PspException = PspException.Failure(
    ErrorCode.TEMPORARILY_UNAVAILABLE, true, null, null,
    "transport: $what; the outcome is unknown: check the status by merchant id before creating again",
).apply { if (cause != null) initCause(cause) }
