package dev.pspkit

import dev.pspkit.ffi.Gateway
import dev.pspkit.model.Action
import dev.pspkit.model.CardData
import dev.pspkit.model.Context
import dev.pspkit.model.FlowOptions
import dev.pspkit.model.HttpRequest
import dev.pspkit.model.HttpResponse
import dev.pspkit.model.Operation
import dev.pspkit.model.Outcome
import dev.pspkit.model.TransportError
import dev.pspkit.ffi.PspException
import java.io.IOException
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpTimeoutException
import java.security.SecureRandom
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * Sends one request and returns the response as received, whatever its status. Throw
 * [transportError] when no response arrived. [JavaHttpTransport] and [OkHttpTransport] ship
 * with the package; both also wait without a thread in the suspend API ([AsyncHttpTransport]).
 */
fun interface HttpTransport {
    fun send(request: HttpRequest, timeout: Duration): HttpResponse
}

/**
 * A transport that can also send without blocking a thread: [awaitSend], [awaitRun] and
 * [awaitResume] suspend on it. A plain [HttpTransport] is run on `Dispatchers.IO` instead.
 */
interface AsyncHttpTransport : HttpTransport {
    suspend fun sendAwait(request: HttpRequest, timeout: Duration): HttpResponse
}

/** The default transport on `java.net.http`; never follows redirects. */
class JavaHttpTransport(
    private val client: HttpClient = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build(),
) : AsyncHttpTransport {
    // Headers java.net.http sets itself and refuses from callers.
    private val restricted = setOf("content-length", "host", "connection", "expect", "upgrade")

    private fun javaRequest(request: HttpRequest, timeout: Duration): java.net.http.HttpRequest {
        val body = if (request.body.isEmpty()) java.net.http.HttpRequest.BodyPublishers.noBody()
        else java.net.http.HttpRequest.BodyPublishers.ofString(request.body)
        val builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url))
            .timeout(timeout)
            .method(request.method, body)
        request.headers.forEach { (k, v) -> if (k.lowercase() !in restricted) builder.header(k, v) }
        return builder.build()
    }

    private fun answer(r: java.net.http.HttpResponse<String>): HttpResponse {
        val headers = r.headers().map().entries.associate { (k, v) -> k.lowercase() to v.joinToString(", ") }
        return HttpResponse(r.statusCode().toUShort(), headers, r.body())
    }

    override fun send(request: HttpRequest, timeout: Duration): HttpResponse = try {
        answer(client.send(javaRequest(request, timeout), java.net.http.HttpResponse.BodyHandlers.ofString()))
    } catch (e: IOException) {
        throw ioFailure(e, timeout)
    }

    override suspend fun sendAwait(request: HttpRequest, timeout: Duration): HttpResponse {
        val future = client.sendAsync(javaRequest(request, timeout), java.net.http.HttpResponse.BodyHandlers.ofString())
        val r = try {
            awaitFuture(future)
        } catch (e: IOException) {
            throw ioFailure(e, timeout)
        }
        return answer(r)
    }
}

/** The transport error for an I/O failure: what happened in words, the exception as the cause. */
internal fun ioFailure(e: IOException, timeout: Duration): PspException = when (e) {
    is HttpTimeoutException, is java.net.SocketTimeoutException ->
        transportError("no answer within ${timeout.toMillis()} ms", e)
    is java.io.InterruptedIOException -> // OkHttp's call timeout
        transportError("no answer within ${timeout.toMillis()} ms", TransportFailure(TransportError.TIMEOUT, e))
    else -> transportError("connection failed (${e.javaClass.simpleName})", e)
}

/** build -> send -> parse for one gateway, with a timeout and nothing else. */
class Client(
    val gateway: Gateway,
    internal val timeout: Duration = Duration.ofSeconds(30),
    internal val transport: HttpTransport = JavaHttpTransport(),
) {
    /** Builds the request for [operation], sends it and parses the answer; throws PspException. */
    fun send(operation: Operation, context: Context = freshContext()): Outcome {
        val request = gateway.build(operation, context)
        val response = transport.send(request, timeout)
        return gateway.parse(operation, response)
    }

    /**
     * Drives one payment from its create call to a final answer, blocking (real sleeps): the
     * core's PaymentFlow decides (safe create, lookups by merchant id, backoff, deadline), this
     * sends and waits. Returns [Action.Done], [Action.NeedsAttention] or [Action.LateTransition].
     * [onState] gets the flow's state JSON after every step (store it; [resume] from it after a
     * crash); [callbacks] lets a web handler feed the provider's callbacks in while it runs.
     */
    fun run(
        createOp: Operation,
        options: FlowOptions = defaultFlowOptions(),
        onState: ((String) -> Unit)? = null,
        callbacks: CallbackInbox? = null,
    ): Action = gateway.startFlow(createOp, options, utcNow()).use { flow ->
        FlowDriver.drive(flow, { transport.send(it, timeout) }, onState, callbacks)
    }

    /**
     * Continues a flow stored by [run]'s [onState]; a request lost in the crash is looked up, not
     * re-sent blindly. [card]: the create's card, supplied again (the stored state holds only its
     * mask); a card create that must be re-sent without it ends with [Action.NeedsCardData].
     */
    fun resume(
        stateJson: String,
        onState: ((String) -> Unit)? = null,
        callbacks: CallbackInbox? = null,
        card: CardData? = null,
    ): Action = (if (card == null) gateway.resumeFlow(stateJson) else gateway.resumeFlowWithCard(stateJson, card)).use { flow ->
        FlowDriver.recoverInterrupted(flow)
        FlowDriver.drive(flow, { transport.send(it, timeout) }, onState, callbacks)
    }

    companion object {
        private val random = SecureRandom()

        /** The current time (RFC 3339 UTC) and a random nonce: the host's job, not the core's. */
        fun freshContext(): Context {
            val nonce = ByteArray(16).also(random::nextBytes).joinToString("") { "%02x".format(it) }
            return Context(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), nonce)
        }
    }
}
