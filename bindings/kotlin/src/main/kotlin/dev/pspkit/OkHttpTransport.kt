package dev.pspkit

import dev.pspkit.model.HttpRequest
import dev.pspkit.model.HttpResponse
import kotlinx.coroutines.suspendCancellableCoroutine
import okhttp3.Call
import okhttp3.Callback
import okhttp3.MediaType
import okhttp3.OkHttpClient
import okhttp3.RequestBody
import okhttp3.Response
import java.io.IOException
import java.time.Duration
import java.util.concurrent.TimeUnit
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException

/**
 * A transport on OkHttp (3.12 or later; Android's usual client). Never follows redirects; the
 * timeout is OkHttp's call timeout (connect, write, read and the body, all together). Share one
 * [client] across the app, as OkHttp advises: its own timeouts stay as configured.
 */
class OkHttpTransport(
    private val client: OkHttpClient = OkHttpClient.Builder()
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(10, TimeUnit.SECONDS)
        .build(),
) : AsyncHttpTransport {
    // Set by OkHttp itself from the body and the connection.
    private val restricted = setOf("content-length", "host", "connection", "transfer-encoding")
    private val noBody = setOf("GET", "HEAD")

    private fun call(request: HttpRequest, timeout: Duration): Call {
        val method = request.method.uppercase()
        val type = request.headers.entries.firstOrNull { it.key.equals("content-type", ignoreCase = true) }?.value
        // Bytes, not a String: OkHttp would add `; charset=utf-8` to a String body's content type.
        val body = if (method in noBody && request.body.isEmpty()) null
        else RequestBody.create(type?.let { MediaType.parse(it) }, request.body.toByteArray(Charsets.UTF_8))
        val builder = okhttp3.Request.Builder().url(request.url).method(method, body)
        request.headers.forEach { (k, v) -> if (k.lowercase() !in restricted) builder.header(k, v) }
        return client.newCall(builder.build()).also { it.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS) }
    }

    private fun answer(r: Response): HttpResponse = r.use {
        val headers = it.headers().toMultimap().entries.associate { (k, v) -> k.lowercase() to v.joinToString(", ") }
        HttpResponse(it.code().toUShort(), headers, it.body()?.string() ?: "")
    }

    override fun send(request: HttpRequest, timeout: Duration): HttpResponse {
        val c = try {
            call(request, timeout)
        } catch (e: IllegalArgumentException) {
            throw transportError("the request cannot be sent (${e.message})", e)
        }
        return try {
            answer(c.execute())
        } catch (e: IOException) {
            throw ioFailure(e, timeout)
        }
    }

    override suspend fun sendAwait(request: HttpRequest, timeout: Duration): HttpResponse {
        val c = try {
            call(request, timeout)
        } catch (e: IllegalArgumentException) {
            throw transportError("the request cannot be sent (${e.message})", e)
        }
        return try {
            suspendCancellableCoroutine<HttpResponse> { cont ->
                cont.invokeOnCancellation { c.cancel() }
                c.enqueue(object : Callback {
                    override fun onFailure(call: Call, e: IOException) = cont.resumeWithException(e)
                    override fun onResponse(call: Call, response: Response) {
                        val parsed = try {
                            answer(response)
                        } catch (e: IOException) {
                            cont.resumeWithException(e)
                            return
                        }
                        cont.resume(parsed)
                    }
                })
            }
        } catch (e: IOException) {
            throw ioFailure(e, timeout)
        }
    }
}
