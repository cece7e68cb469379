package dev.pspkit

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import dev.pspkit.ffi.Gateway
import dev.pspkit.ffi.flowOptionsFromJson
import dev.pspkit.ffi.operationFromJson
import dev.pspkit.model.Action
import dev.pspkit.model.HttpRequest
import dev.pspkit.model.Reply
import dev.pspkit.model.State
import dev.pspkit.model.TransportError
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import java.net.InetSocketAddress
import java.security.MessageDigest
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * `Client.run` / `Client.resume` against a minimal PayStar on 127.0.0.1 with real time. The
 * emulator keeps orders by merchant id (create, status by PayStar id, status by merchant id with
 * 404 when unknown); callbacks are signed here with MessageDigest (PayStar's documented
 * `sha256(externalId;status;amount;orderType;key)`). PayStar advises polling every 120 s, so
 * tests move the payment with a callback, which makes the flow ask for the status at once.
 */
class RunTest {
    private val prefix = "/api/v1/integration/deposit-order/"
    private val options = flowOptionsFromJson("""{"seed": 7, "backoffInitialSeconds": 1, "backoffMaxSeconds": 2, "deadlineSeconds": 60}""")
    private lateinit var server: HttpServer
    private val log = java.util.Collections.synchronizedList(mutableListOf<String>())
    private val orders = java.util.concurrent.ConcurrentHashMap<String, MutableMap<String, String>>()
    private val faults = java.util.Collections.synchronizedList(mutableListOf<String>())
    private val created = CountDownLatch(1)

    private fun fault(kind: String): Boolean = synchronized(faults) {
        if (faults.firstOrNull() == kind) { faults.removeAt(0); true } else false
    }

    private fun answer(ex: HttpExchange, status: Int, body: String) {
        val bytes = body.toByteArray()
        try {
            ex.responseHeaders.add("Content-Type", "application/json")
            ex.sendResponseHeaders(status, if (bytes.isEmpty()) -1 else bytes.size.toLong())
            ex.responseBody.use { it.write(bytes) }
        } catch (_: java.io.IOException) {
        }
    }

    private fun statusOf(order: Map<String, String>?): Pair<Int, String> = if (order == null) 404 to "" else
        200 to """{"externalId":"${order["id"]}","orderStatus":"${order["status"]}","amount":100.00,"currency":"USD"}"""

    @BeforeEach
    fun start() {
        server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.executor = Executors.newCachedThreadPool()
        server.createContext("/") { ex ->
            val path = ex.requestURI.path
            log += "${ex.requestMethod} $path"
            if (ex.requestMethod == "POST" && path == prefix) {
                val body = ex.requestBody.readBytes().decodeToString()
                when {
                    fault("create-timeout") -> { Thread.sleep(4000); answer(ex, 500, "") }
                    else -> {
                        val mid = Regex("\"externalTransactionId\"\\s*:\\s*\"([^\"]+)\"").find(body)!!.groupValues[1]
                        val order = mutableMapOf("id" to "PSP-${orders.size + 1}", "status" to "Created")
                        orders[mid] = order
                        created.countDown()
                        answer(ex, 200, """{"externalId":"${order["id"]}","orderStatus":"Created"}""")
                    }
                }
                return@createContext
            }
            val parts = path.removePrefix(prefix).split("/")
            val (status, body) = when {
                fault("status-423") -> 423 to """{"statusDescrption":"0000-1"}"""
                parts.getOrNull(1) == "status-by-external-transaction-id" -> statusOf(orders[parts[0]])
                parts.getOrNull(1) == "status" -> statusOf(orders.values.firstOrNull { it["id"] == parts[0] })
                else -> 404 to ""
            }
            answer(ex, status, body)
        }
        server.start()
    }

    @AfterEach
    fun stop() = server.stop(0)

    private fun url() = "http://127.0.0.1:${server.address.port}"

    private fun gateway() = Gateway.fromJson(
        """{"provider":"paystar","baseUrl":"${url()}","depositToken":"dep-token","callbackKey":"cb-secret"}""",
    )

    private fun deposit() = operationFromJson(
        """{"type":"create_deposit","merchantId":"M-1","amount":"100.00","currency":"USD","paymentMethod":"p2p","flow":"direct"}""",
    )

    /** Settles the order and returns the signed callback PayStar would send. */
    private fun settle(mid: String = "M-1"): HttpRequest {
        val order = orders.getValue(mid)
        order["status"] = "Success"
        val sig = MessageDigest.getInstance("SHA-256").digest("${order["id"]};Success;100;Deposit;cb-secret".toByteArray())
            .joinToString("") { "%02x".format(it) }
        val body = """{"externalId":"${order["id"]}","status":"Success","amount":"100","orderType":"Deposit"}"""
        return HttpRequest("POST", "https://merchant.example/paystar/callback", mapOf("Signature" to sig), body)
    }

    /** Once an order exists, PayStar settles it and calls back (on another thread). */
    private fun settleWhenCreated(inbox: CallbackInbox): () -> Reply {
        var reply: Reply? = null
        val t = Thread {
            created.await(10, TimeUnit.SECONDS)
            reply = inbox.deliver(settle())
        }.also { it.start() }
        return { t.join(5000); reply!! }
    }

    private fun assertSucceeded(action: Action) {
        assertTrue(action is Action.Done, "$action")
        val p = (action as Action.Done).payment
        assertEquals(State.SUCCEEDED, p.status.state)
        assertEquals("PSP-1", p.providerId)
        assertEquals("M-1", p.merchantId)
    }

    @Test
    fun happyPathCreateCallbackStatusDone() {
        val inbox = CallbackInbox()
        val states = mutableListOf<String>()
        val reply = settleWhenCreated(inbox)
        val action = Client(gateway(), Duration.ofSeconds(5)).run(deposit(), options, { states += it }, inbox)
        assertSucceeded(action)
        assertEquals(200, reply().status.toInt())
        assertEquals(listOf("POST $prefix", "GET ${prefix}PSP-1/status"), log.toList())
        assertTrue(states.size >= 5)
        assertTrue(states.last().contains("\"phase\":\"done\""))
        assertThrows(IllegalStateException::class.java) { inbox.deliver(settle()) }
    }

    @Test
    fun createTimeoutThenLookupNotFoundThenSameCreateAgain() {
        faults += "create-timeout"
        val inbox = CallbackInbox()
        settleWhenCreated(inbox)
        // 1.5 s: on a loaded machine the server may take a while to see the request at all
        val action = Client(gateway(), Duration.ofMillis(1500)).run(deposit(), options, null, inbox)
        assertSucceeded(action)
        assertEquals(
            listOf("POST $prefix", "GET ${prefix}M-1/status-by-external-transaction-id", "POST $prefix"),
            log.take(3),
        )
        assertEquals(1, orders.size)
    }

    @Test
    fun status423ThenSuccess() {
        faults += "status-423"
        val inbox = CallbackInbox()
        settleWhenCreated(inbox)
        assertSucceeded(Client(gateway(), Duration.ofSeconds(5)).run(deposit(), options, null, inbox))
        assertEquals(2, log.count { it == "GET ${prefix}PSP-1/status" })
        assertEquals(1, log.count { it.startsWith("POST") })
    }

    @Test
    fun awaitRunHappyPathOnOkHttp(): Unit = kotlinx.coroutines.runBlocking {
        val inbox = CallbackInbox()
        val reply = settleWhenCreated(inbox)
        val action = Client(gateway(), Duration.ofSeconds(5), OkHttpTransport()).awaitRun(deposit(), options, null, inbox)
        assertSucceeded(action)
        assertEquals(200, reply().status.toInt())
        assertEquals(listOf("POST $prefix", "GET ${prefix}PSP-1/status"), log.toList())
    }

    @Test
    fun awaitRunWaitsWithDelaySoCancellingStopsIt(): Unit = kotlinx.coroutines.runBlocking {
        val started = System.nanoTime()
        // PayStar advises the next status call in 120 s: Thread.sleep would hold this for minutes.
        val action = kotlinx.coroutines.withTimeoutOrNull(1500) {
            Client(gateway(), Duration.ofSeconds(5)).awaitRun(deposit(), options)
        }
        assertEquals(null, action)
        assertTrue(System.nanoTime() - started < 3_000_000_000L)
        assertEquals(listOf("POST $prefix"), log.toList())
        // with an inbox the wait for a callback is cancellable too, and the inbox closes with the flow
        val inbox = CallbackInbox()
        val again = kotlinx.coroutines.withTimeoutOrNull(1500) {
            Client(gateway(), Duration.ofSeconds(5)).awaitRun(deposit(), options, null, inbox)
        }
        assertEquals(null, again)
        assertThrows(IllegalStateException::class.java) { inbox.deliver(settle()) }
    }

    class Crash : RuntimeException()

    @Test
    fun crashAfterSendThenResumeNeverCreatesTwice() {
        val stored = mutableListOf<String>()
        val real = JavaHttpTransport()
        val dying = HttpTransport { request, timeout -> real.send(request, timeout); throw Crash() }
        assertThrows(Crash::class.java) { Client(gateway(), Duration.ofSeconds(5), dying).run(deposit(), options, { stored += it }) }
        assertTrue(stored.last().contains("\"inFlight\":{"), stored.last())
        settle() // meanwhile the payment went through
        val action = Client(gateway(), Duration.ofSeconds(5)).resume(stored.last(), { stored += it })
        assertSucceeded(action)
        assertEquals(1, log.count { it.startsWith("POST") })
        assertEquals("GET ${prefix}M-1/status-by-external-transaction-id", log.last())
    }

    @Test
    fun transportFailuresAreClassified() {
        val port = java.net.ServerSocket(0).use { it.localPort } // nothing listens there now
        val e = assertThrows(dev.pspkit.ffi.PspException::class.java) {
            JavaHttpTransport().send(HttpRequest("GET", "http://127.0.0.1:$port/x", emptyMap(), ""), Duration.ofSeconds(2))
        }
        assertEquals(TransportError.REFUSED, transportKind(e))
        assertEquals(TransportError.TIMEOUT, transportKind(transportError("t", java.net.http.HttpTimeoutException("t"))))
        assertEquals(TransportError.TLS, transportKind(transportError("t", TransportFailure(TransportError.TLS))))
    }
}
