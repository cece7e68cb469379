package dev.pspkit

import dev.pspkit.model.Action
import dev.pspkit.model.CardData
import dev.pspkit.model.Context
import dev.pspkit.model.FlowOptions
import dev.pspkit.model.HttpRequest
import dev.pspkit.model.HttpResponse
import dev.pspkit.model.Operation
import dev.pspkit.model.Outcome
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.withContext
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.ExecutionException
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException

/*
 * The suspend API (kotlinx-coroutines): the same calls as Client.send/run/resume, named with
 * `await` because a Kotlin function cannot differ from its blocking twin by `suspend` alone.
 * Sends go through AsyncHttpTransport.sendAwait when the transport has it (JavaHttpTransport,
 * OkHttpTransport: no thread is held while waiting for an answer), else on Dispatchers.IO;
 * waits are `delay`, so a thousand flows waiting for their next status call hold no threads.
 * Cancelling the coroutine cancels the request in flight and stops the flow (store the state
 * from onState and resume it later). The core's calls are short CPU work and run in place.
 */

/** [Client.send] for coroutines. */
suspend fun Client.awaitSend(operation: Operation, context: Context = Client.freshContext()): Outcome {
    val request = gateway.build(operation, context)
    return gateway.parse(operation, awaitTransport(request))
}

/** [Client.run] for coroutines: waits with `delay` and suspends on the transport. */
suspend fun Client.awaitRun(
    createOp: Operation,
    options: FlowOptions = defaultFlowOptions(),
    onState: ((String) -> Unit)? = null,
    callbacks: CallbackInbox? = null,
): Action = gateway.startFlow(createOp, options, utcNow()).use { flow -> awaitDrive(flow, onState, callbacks) }

/** [Client.resume] for coroutines. */
suspend fun Client.awaitResume(
    stateJson: String,
    onState: ((String) -> Unit)? = null,
    callbacks: CallbackInbox? = null,
    card: CardData? = null,
): Action = (if (card == null) gateway.resumeFlow(stateJson) else gateway.resumeFlowWithCard(stateJson, card)).use { flow ->
    FlowDriver.recoverInterrupted(flow)
    awaitDrive(flow, onState, callbacks)
}

private suspend fun Client.awaitDrive(
    flow: dev.pspkit.ffi.PaymentFlow,
    onState: ((String) -> Unit)?,
    callbacks: CallbackInbox?,
): Action = FlowDriver.driveWith(
    flow, onState, callbacks,
    send = { awaitTransport(it) },
    sleep = { if (!it.isNegative) delay(it.toMillis()) },
    nextCallback = { inbox, wait -> inbox.awaitNext(wait) },
)

private suspend fun Client.awaitTransport(request: HttpRequest): HttpResponse = when (val t = transport) {
    is AsyncHttpTransport -> t.sendAwait(request, timeout)
    else -> withContext(Dispatchers.IO) { t.send(request, timeout) }
}

/** Waits for [future] without a thread; cancelling the coroutine cancels the future. */
internal suspend fun <T> awaitFuture(future: CompletableFuture<T>): T = suspendCancellableCoroutine { cont ->
    cont.invokeOnCancellation { future.cancel(true) }
    future.whenComplete { value, error ->
        if (error == null) {
            cont.resume(value)
        } else {
            var cause: Throwable = error
            while ((cause is CompletionException || cause is ExecutionException) && cause.cause != null) cause = cause.cause!!
            cont.resumeWithException(cause)
        }
    }
}
