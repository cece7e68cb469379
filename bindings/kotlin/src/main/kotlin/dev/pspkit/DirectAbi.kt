package dev.pspkit

import com.sun.jna.Native
import com.sun.jna.NativeLibrary
import com.sun.jna.Pointer
import dev.pspkit.ffi.FfiConverterTypePspError
import dev.pspkit.model.CallbackEvent
import dev.pspkit.model.Context
import dev.pspkit.model.FfiConverterRustBuffer
import dev.pspkit.model.FfiConverterTypeCallbackEvent
import dev.pspkit.model.FfiConverterTypeContext
import dev.pspkit.model.FfiConverterTypeHttpRequest
import dev.pspkit.model.FfiConverterTypeHttpResponse
import dev.pspkit.model.FfiConverterTypeOperation
import dev.pspkit.model.FfiConverterTypeOutcome
import dev.pspkit.model.HttpRequest
import dev.pspkit.model.HttpResponse
import dev.pspkit.model.Operation
import dev.pspkit.model.Outcome
import java.nio.ByteBuffer
import java.nio.ByteOrder

/**
 * The route of `Gateway.build`, `parse` and `parseCallback` into the native library: one JNA
 * direct-mapped call with primitive arguments (bindings/uniffi/src/kotlin_abi.rs).
 *
 * Why: uniffi's generated calls pass each argument and the call status as JNA `Structure`s and
 * cross several times per call (clone the handle, allocate a buffer per argument, free the
 * result), which JNA pays for through reflection: ~20 µs for a call that parses nothing. Here
 * the arguments are written into heap byte arrays by uniffi's own generated converters, one
 * call crosses, and the answer is read by the generated converter straight from the native
 * buffer. The public API and its types are the generated ones; the generated `Gateway` methods
 * are redirected here at build time (scripts/patch-generated.sh), holding the object's call
 * counter so the handle stays alive for the call, as uniffi's own calls do.
 */
internal object DirectAbi {
    private const val CALL_BUILD = 1
    private const val CALL_PARSE = 2
    private const val CALL_PARSE_CALLBACK = 3

    @JvmStatic
    private external fun pspkit_kt_call(
        gateway: Long, call: Int, a: ByteArray, aLen: Int, b: ByteArray, bLen: Int, out: LongArray,
    ): Int

    init {
        // The library uniffi loads (same name, so JNA hands back the same loaded instance).
        val name = System.getProperty("uniffi.component.pspkit_ffi.libraryOverride") ?: "pspkit_ffi"
        Native.register(DirectAbi::class.java, NativeLibrary.getInstance(name))
    }

    /** A value in uniffi's serialized form; the array may be longer than the value's bytes. */
    private class Encoded(val bytes: ByteArray, val length: Int)

    private fun <T> encode(converter: FfiConverterRustBuffer<T>, value: T): Encoded {
        val buffer = ByteBuffer.allocate(converter.allocationSize(value).toInt())
        converter.write(value, buffer)
        return Encoded(buffer.array(), buffer.position())
    }

    private inline fun <T> call(handle: Long, call: Int, a: Encoded, b: Encoded, read: (ByteBuffer) -> T): T {
        val out = LongArray(2)
        val answer = pspkit_kt_call(handle, call, a.bytes, a.length, b.bytes, b.length, out)
        // The answer sits in a per-thread native buffer until this thread's next call: read now.
        val buffer = Pointer(out[0]).getByteBuffer(0, out[1]).order(ByteOrder.BIG_ENDIAN)
        if (answer != 0) throw FfiConverterTypePspError.read(buffer)
        return read(buffer)
    }

    fun build(handle: Long, operation: Operation, context: Context): HttpRequest =
        call(handle, CALL_BUILD, encode(FfiConverterTypeOperation, operation), encode(FfiConverterTypeContext, context)) {
            FfiConverterTypeHttpRequest.read(it)
        }

    fun parse(handle: Long, operation: Operation, response: HttpResponse): Outcome =
        call(handle, CALL_PARSE, encode(FfiConverterTypeOperation, operation), encode(FfiConverterTypeHttpResponse, response)) {
            FfiConverterTypeOutcome.read(it)
        }

    fun parseCallback(handle: Long, request: HttpRequest, context: Context): CallbackEvent =
        call(handle, CALL_PARSE_CALLBACK, encode(FfiConverterTypeHttpRequest, request), encode(FfiConverterTypeContext, context)) {
            FfiConverterTypeCallbackEvent.read(it)
        }
}
