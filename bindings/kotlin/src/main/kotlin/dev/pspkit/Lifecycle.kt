package dev.pspkit

import dev.pspkit.ffi.PaymentFlow
import dev.pspkit.ffi.PspException
import dev.pspkit.ffi.flowOptionsFromJson
import dev.pspkit.model.Action
import dev.pspkit.model.FlowOptions
import dev.pspkit.model.HttpRequest
import dev.pspkit.model.HttpResponse
import dev.pspkit.model.Reply
import dev.pspkit.model.TransportError
import java.io.EOFException
import java.io.IOException
import java.net.ConnectException
import java.net.SocketException
import java.net.SocketTimeoutException
import java.net.UnknownHostException
import java.net.http.HttpTimeoutException
import java.nio.channels.UnresolvedAddressException
import java.security.SecureRandom
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import javax.net.ssl.SSLException

/*
 * Drives a PaymentFlow (the core's lifecycle driver) with real HTTP and real time: send what it
 * asks for and report the answer or the transport failure, sleep until the time it names, feed
 * callbacks in. The core decides everything else (safe creates, lookups by merchant id, backoff,
 * deadline). `Client.run` and `Client.resume` are the entry points.
 *
 * Card data: the stored state holds the create's card only as its 6x4 mask (no CVV, expiry,
 * holder or token). A resumed card flow that must send its create again needs the card from the
 * host (`Client.resume(stateJson, card = ...)`); without it the run returns
 * [Action.NeedsCardData] and nothing is sent.
 */

/** The current time as the core wants it: RFC 3339 UTC with whole seconds. */
fun utcNow(): String = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()

/** Options with the core's defaults and a random jitter seed (pass a seed to replay a run). */
fun defaultFlowOptions(): FlowOptions =
    flowOptionsFromJson("""{"seed": ${SecureRandom().nextLong() ushr 1}}""")

/** Marks a transport failure with an exact kind, for transports that know it (see [transportError]). */
class TransportFailure(val kind: TransportError, cause: Throwable? = null) :
    IOException("transport failure: ${kind.name.lowercase()}", cause)

/**
 * The flow's kind for a transport failure: the [TransportFailure] or the I/O exception the
 * transport attached as the cause of its [transportError], classified by type.
 */
fun transportKind(error: Throwable): TransportError {
    var t: Throwable? = error
    while (t != null) {
        when (t) {
            is TransportFailure -> return t.kind
            is HttpTimeoutException, is SocketTimeoutException -> return TransportError.TIMEOUT
            is ConnectException -> return TransportError.REFUSED
            is UnknownHostException, is UnresolvedAddressException -> return TransportError.DNS
            is SSLException -> return TransportError.TLS
            is EOFException, is SocketException -> return TransportError.RESET
        }
        t = t.cause
    }
    // java.net.http reports a peer that hung up as a plain IOException
    val text = generateSequence(error) { it.cause }.mapNotNull { it.message }.joinToString(" ").lowercase()
    return when {
        "reset" in text || "closed" in text || "eof" in text -> TransportError.RESET
        "refused" in text -> TransportError.REFUSED
        else -> TransportError.OTHER
    }
}

/**
 * Hands callbacks from a web handler (any thread) to a flow running in [Client.run]:
 * `val reply = inbox.deliver(request)` returns what to answer the provider, throws
 * [PspException] when the flow refuses the callback (e.g. `invalid_signature`), and
 * [IllegalStateException] when no flow is running on this inbox.
 */
class CallbackInbox {
    private val queue = LinkedBlockingQueue<Pair<HttpRequest, CompletableFuture<Reply>>>()
    @Volatile private var open = false
    // Wakes a suspended awaitRun when a callback arrives (a plain function: no coroutine types here).
    @Volatile private var waiter: (() -> Unit)? = null

    fun deliver(request: HttpRequest, timeout: Duration = Duration.ofSeconds(30)): Reply {
        val reply = CompletableFuture<Reply>()
        synchronized(this) {
            check(open) { "no flow is running on this inbox" }
            queue.put(request to reply)
        }
        waiter?.invoke()
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
        } catch (e: ExecutionException) {
            throw e.cause ?: e
        }
    }

    internal fun next(wait: Duration): Pair<HttpRequest, CompletableFuture<Reply>>? =
        queue.poll(maxOf(0L, wait.toMillis()), TimeUnit.MILLISECONDS)

    /** [next] for a coroutine: waits up to [wait] without holding a thread. */
    internal suspend fun awaitNext(wait: Duration): Pair<HttpRequest, CompletableFuture<Reply>>? {
        queue.poll()?.let { return it }
        val arrived = kotlinx.coroutines.CompletableDeferred<Unit>()
        waiter = { arrived.complete(Unit) }
        try {
            queue.poll()?.let { return it } // arrived between the first poll and setting waiter
            kotlinx.coroutines.withTimeoutOrNull(maxOf(1L, wait.toMillis())) { arrived.await() }
            return queue.poll()
        } finally {
            waiter = null
        }
    }

    internal fun open() = synchronized(this) { open = true }

    internal fun close() {
        synchronized(this) { open = false }
        while (true) {
            val (_, reply) = queue.poll() ?: return
            reply.completeExceptionally(IllegalStateException("the flow ended before handling this callback"))
        }
    }
}

internal object FlowDriver {
    /** A stored state with a request in flight lost its answer in the crash: say so. */
    fun recoverInterrupted(flow: PaymentFlow) {
        if (flow.awaitingAnswer()) flow.handleTransportError(utcNow(), TransportError.INTERRUPTED)
    }

    /** Runs [flow] until done, needs attention, needs card data or a late transition; returns that action. */
    fun drive(
        flow: PaymentFlow,
        send: (HttpRequest) -> HttpResponse,
        onState: ((String) -> Unit)?,
        callbacks: CallbackInbox?,
    ): Action = driveWith(
        flow, onState, callbacks, send,
        sleep = { if (!it.isNegative) Thread.sleep(it.toMillis()) },
        nextCallback = { inbox, wait -> inbox.next(wait) },
    )

    /**
     * The loop behind [drive] and the suspend [awaitRun]: inline, so the suspend caller's lambdas
     * may suspend (send without a thread, `delay` instead of `Thread.sleep`).
     */
    inline fun driveWith(
        flow: PaymentFlow,
        noinline onState: ((String) -> Unit)?,
        callbacks: CallbackInbox?,
        send: (HttpRequest) -> HttpResponse,
        sleep: (Duration) -> Unit,
        nextCallback: (CallbackInbox, Duration) -> Pair<HttpRequest, CompletableFuture<Reply>>?,
    ): Action {
        callbacks?.open()
        try {
            onState?.invoke(flow.stateJson())
            while (true) {
                when (val action = flow.poll(utcNow())) {
                    is Action.Done, is Action.NeedsAttention, is Action.LateTransition,
                    is Action.NeedsCardData -> {
                        onState?.invoke(flow.stateJson())
                        return action
                    }
                    is Action.SendRequest -> {
                        onState?.invoke(flow.stateJson()) // the request is in flight from here on
                        val response = try {
                            send(action.request)
                        } catch (e: PspException) {
                            flow.handleTransportError(utcNow(), transportKind(e))
                            null
                        }
                        if (response != null) flow.handleResponse(utcNow(), response)
                        onState?.invoke(flow.stateJson())
                    }
                    is Action.WaitUntil -> {
                        // +20 ms so the next whole-second `now` is at or after `at`
                        val wait = Duration.between(Instant.now(), Instant.parse(action.at)).plusMillis(20)
                        if (callbacks == null) {
                            sleep(wait)
                        } else {
                            val (request, reply) = nextCallback(callbacks, wait) ?: continue
                            try {
                                reply.complete(flow.handleCallback(utcNow(), request))
                            } catch (e: PspException) {
                                reply.completeExceptionally(e)
                            }
                            onState?.invoke(flow.stateJson())
                        }
                    }
                }
            }
        } finally {
            callbacks?.close()
        }
    }
}
