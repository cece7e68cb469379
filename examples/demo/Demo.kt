// The demo in Kotlin: a PayStar hosted deposit and a PayStar card payout, each from create to
// final state, through the Kotlin package's Client (build -> send -> parse) against the sandbox at
// $PSPKIT_SANDBOX_URL. Callbacks arrive at a local endpoint and are verified with
// Gateway.parseCallback; each is confirmed with the status call it names. The sandbox's clock
// moves only when we advance it, so a lifecycle takes seconds, not minutes.
// Built and run by examples/demo/run.sh (make demo).
package dev.pspkit.demo

import com.sun.net.httpserver.HttpServer
import dev.pspkit.Client
import dev.pspkit.HttpTransport
import dev.pspkit.JavaHttpTransport
import dev.pspkit.ffi.Gateway
import dev.pspkit.ffi.PspException
import dev.pspkit.ffi.httpRequestFromJson
import dev.pspkit.ffi.operationFromJson
import dev.pspkit.ffi.operationToJson
import dev.pspkit.model.CallbackEvent
import dev.pspkit.model.Context
import dev.pspkit.model.NextAction
import dev.pspkit.model.Operation
import dev.pspkit.model.Outcome
import dev.pspkit.model.Payment
import dev.pspkit.model.State
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.Collections
import kotlin.system.exitProcess

val base = (System.getenv("PSPKIT_SANDBOX_URL") ?: "").trimEnd('/')
val http: HttpClient = HttpClient.newHttpClient()

/** JSON string literal (the demo writes a few small JSON texts by hand). */
fun q(s: String) = "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""

// --- the sandbox's admin API (not part of pspkit: it stands in for time passing) -------------
fun admin(method: String, path: String, body: String? = null): String {
    val pub = if (body == null) HttpRequest.BodyPublishers.noBody() else HttpRequest.BodyPublishers.ofString(body)
    val req = HttpRequest.newBuilder(URI.create("$base/__admin$path")).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json").method(method, pub).build()
    val r = http.send(req, HttpResponse.BodyHandlers.ofString())
    check(r.statusCode() == 200) { "sandbox admin $path: HTTP ${r.statusCode()}" }
    return r.body()
}

fun sandboxNow(): String = Regex("\"now\"\\s*:\\s*\"([^\"]+)\"").find(admin("GET", "/health"))!!.groupValues[1]

fun advance(seconds: Int) {
    println("  clock +${seconds}s")
    admin("POST", "/advance", "{\"seconds\":$seconds}")
}

fun stateOf(p: Payment) = "${p.status.state.name.lowercase()} (${p.status.providerStatus ?: "-"})"

fun note(transitions: MutableList<String>, p: Payment) {
    if (transitions.lastOrNull() != stateOf(p)) transitions.add(stateOf(p))
}

fun typeOf(op: Operation): String =
    Regex("\"type\"\\s*:\\s*\"(\\w+)\"").find(operationToJson(op))?.groupValues?.get(1) ?: "operation"

// --- what the merchant's code looks like ------------------------------------------------------

/** The Client's default transport, printing each request line, answer status and time. */
class PrintingTransport(private val inner: HttpTransport = JavaHttpTransport()) : HttpTransport {
    override fun send(request: dev.pspkit.model.HttpRequest, timeout: Duration): dev.pspkit.model.HttpResponse {
        val started = System.nanoTime()
        val response = inner.send(request, timeout)
        println("  -> ${request.method} ${request.url}  <- ${response.status} in ${(System.nanoTime() - started) / 1_000_000} ms")
        return response
    }
}

/** The merchant's callback endpoint: Gateway.parseCallback verifies each one and gives the reply. */
class CallbackEndpoint(private val gateway: Gateway) {
    val received: MutableList<CallbackEvent> = Collections.synchronizedList(ArrayList())
    private val server: HttpServer = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
    val url: String get() = "https://127.0.0.1:${server.address.port}/callbacks"

    init {
        server.createContext("/") { ex ->
            val body = ex.requestBody.readBytes().toString(Charsets.UTF_8)
            val headers = ex.requestHeaders.entries.joinToString(",", "{", "}") { (k, v) -> q(k.lowercase()) + ":" + q(v.joinToString(", ")) }
            val url = "https://127.0.0.1:${server.address.port}${ex.requestURI}"
            val request = httpRequestFromJson("{\"method\":${q(ex.requestMethod)},\"url\":${q(url)},\"headers\":$headers,\"body\":${q(body)}}")
            var status = 400
            var reply = "rejected"
            try {
                val event = gateway.parseCallback(request, Context(null, null))
                received.add(event)
                status = event.reply.status.toInt()
                reply = event.reply.body
                val signed = if (event.verified) "verified" else "NOT verified"
                println("    <- callback ${ex.requestMethod} $url  signature $signed  claims ${stateOf(event.payment)}  -> reply $status")
            } catch (e: PspException) {
                println("    <- callback REJECTED: ${e.message}")
            }
            val bytes = reply.toByteArray()
            ex.sendResponseHeaders(status, if (bytes.isEmpty()) -1 else bytes.size.toLong())
            ex.responseBody.use { it.write(bytes) }
        }
        server.start()
    }

    fun stop() = server.stop(0)
}

class Demo {
    private val gateway = Gateway.fromJson(
        """{"provider":"paystar","baseUrl":${q("$base/paystar")},
           "depositKeys":{"publicKey":"sandbox-deposit-public","privateKey":"sandbox-deposit-private"},
           "payoutKeys":{"publicKey":"sandbox-payout-public","privateKey":"sandbox-payout-private"}}""",
    )
    private val client = Client(gateway, Duration.ofSeconds(5), PrintingTransport())
    val endpoint = CallbackEndpoint(gateway)
    private var nonce = 0

    /** Client.send with a context whose `now` is the sandbox's clock (it stands in for the wall clock). */
    fun call(op: Operation): Payment {
        println("  ${typeOf(op)}")
        nonce += 1
        val outcome = client.send(op, Context(sandboxNow(), "kotlin-demo-$nonce"))
        val p = (outcome as? Outcome.Payment)?.payment ?: error("expected a payment, got $outcome")
        val next = (p.nextAction as? NextAction.Redirect)?.let { ", next: redirect to ${it.url}" } ?: ""
        println("     => ${stateOf(p)}${if (p.status.isFinal) ", final" else ""}$next")
        return p
    }

    /** Advances the clock step by step; confirms each callback with the status call it names. */
    private fun follow(transitions: MutableList<String>, steps: List<Int>): Payment? {
        var last: Payment? = null
        for (seconds in steps) {
            val before = endpoint.received.size
            advance(seconds)
            for (event in endpoint.received.toList().drop(before)) {
                note(transitions, event.payment)
                val confirm = event.confirmWith
                check(event.verified && confirm != null) { "expected a verified callback naming its status call" }
                println("  confirm the callback with a status call (a callback alone never settles a payment)")
                last = call(confirm).also { note(transitions, it) }
            }
        }
        return last
    }

    private fun requireFinalSuccess(p: Payment?, what: String): Payment {
        check(p != null && p.status.state == State.SUCCEEDED && p.status.isFinal) { "expected a final succeeded $what, got $p" }
        return p
    }

    fun deposit() {
        println("== PayStar hosted deposit: EUR 42.50, the payer pays on PayStar's page")
        val transitions = mutableListOf<String>()
        val created = call(operationFromJson(
            """{"type":"create_deposit","merchantId":"kt-D1","amount":"42.50","currency":"EUR",
               "callbackUrl":${q(endpoint.url)},
               "successUrl":"https://merchant.example/ok","failureUrl":"https://merchant.example/failed"}""",
        ))
        note(transitions, created)
        val url = (created.nextAction as? NextAction.Redirect)?.url ?: error("expected a redirect after create")
        val r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
        println("  payer opens $url -> ${r.statusCode()}")
        val p = requireFinalSuccess(follow(transitions, listOf(30, 60)), "deposit")
        println("  status: ${transitions.joinToString(" -> ")}")
        println("  final: deposit kt-D1 EUR ${p.amount}: ${stateOf(p)}, final\n")
    }

    fun payout() {
        println("== PayStar card payout: USD 100.00 to a card")
        val transitions = mutableListOf<String>()
        val created = call(operationFromJson(
            """{"type":"create_payout","merchantId":"kt-P1","amount":"100.00","currency":"USD",
               "callbackUrl":${q(endpoint.url)},"card":{"number":"4111111111111111"}}""",
        ))
        note(transitions, created)
        requireFinalSuccess(follow(transitions, listOf(30, 60)), "payout")
        println("  get_payout by merchant id, as after a restart")
        val p = requireFinalSuccess(call(operationFromJson("""{"type":"get_payout","merchantId":"kt-P1"}""")), "payout")
        println("  status: ${transitions.joinToString(" -> ")}")
        println("  final: payout kt-P1 USD 100.00: ${stateOf(p)}, final\n")
    }
}

fun main() {
    if (base.isEmpty()) {
        System.err.println("PSPKIT_SANDBOX_URL is not set (start the sandbox with tests/sandbox/with-sandbox.sh)")
        exitProcess(2)
    }
    val demo = Demo()
    try {
        admin("POST", "/reset")
        demo.deposit()
        admin("POST", "/reset")
        demo.payout()
    } finally {
        demo.endpoint.stop()
    }
}
