package dev.pspkit

import com.sun.net.httpserver.HttpServer
import dev.pspkit.ffi.Gateway
import dev.pspkit.ffi.PspException
import dev.pspkit.ffi.operationToJson
import dev.pspkit.model.CardData
import dev.pspkit.model.Context
import dev.pspkit.model.ErrorCode
import dev.pspkit.model.HttpRequest
import dev.pspkit.model.Operation
import dev.pspkit.model.OrderRef
import dev.pspkit.model.Outcome
import dev.pspkit.model.PaymentOrder
import dev.pspkit.model.State
import dev.pspkit.model.TransportError
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.io.File
import java.net.InetSocketAddress
import java.time.Duration
import java.util.zip.ZipFile

/**
 * What issue 14 asked of the Kotlin package: defaults, names without `v1`, `final`, the message
 * first, the native library inside the jar, the Maven artifact, OkHttp and the suspend API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdiomsTest {
    private lateinit var server: HttpServer
    private val seen = java.util.Collections.synchronizedList(mutableListOf<String>())
    private val statusBody = """{"externalId":"ok-1","orderStatus":"Success","amount":26.5,"orderHistory":[]}"""
    private val ctx = Context(now = "2026-01-01T00:00:00Z")

    @BeforeAll
    fun start() {
        server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/") { ex ->
            seen += "${ex.requestMethod} ${ex.requestURI.path} ${ex.requestHeaders.getFirst("Content-Type")}"
            val path = ex.requestURI.path
            val (status, body) = when {
                "/ok-" in path -> 200 to statusBody
                "/slow-" in path -> { Thread.sleep(2000); 200 to statusBody }
                else -> 404 to "no route"
            }
            val bytes = body.toByteArray()
            try {
                ex.responseHeaders.add("Content-Type", "application/json")
                ex.sendResponseHeaders(status, bytes.size.toLong())
                ex.responseBody.use { it.write(bytes) }
            } catch (_: java.io.IOException) {
            }
        }
        server.executor = java.util.concurrent.Executors.newCachedThreadPool()
        server.start()
    }

    @AfterAll
    fun stop() = server.stop(0)

    private fun gateway() = Gateway.fromJson(
        """{"provider":"paystar","baseUrl":"http://127.0.0.1:${server.address.port}","depositToken":"dep-token"}""",
    )

    private fun status(route: String) = Operation.GetDeposit(OrderRef(providerId = "$route-1"))

    @Test
    fun recordsHaveDefaultsForEveryOptionalField() {
        val order = PaymentOrder(
            merchantId = "M-1", amount = "10.00", currency = "USD",
            card = CardData(number = "4111111111111111", expiryMonth = "12", expiryYear = "2030", cvv = "123"),
        )
        assertEquals(emptyMap<String, String>(), order.extras)
        assertNull(order.flow)
        val json = operationToJson(Operation.CreateDeposit(order))
        assertTrue(json.contains("\"merchantId\":\"M-1\""), json)
        assertFalse(json.contains("extras"), json)
        assertEquals(HttpRequest(method = "POST", url = "https://x.example/cb"), HttpRequest("POST", "https://x.example/cb", emptyMap(), ""))
    }

    @Test
    fun recordsAreValues() {
        val setters = PaymentOrder::class.java.methods.map { it.name }.filter { it.startsWith("set") }
        assertEquals(emptyList<String>(), setters)
        val order = PaymentOrder(merchantId = "M-1", amount = "1.00", currency = "USD")
        assertEquals("2.00", order.copy(amount = "2.00").amount)
        assertEquals("1.00", order.amount)
    }

    @Test
    fun payloadsHaveNamesNotV1() {
        val op = Operation.CreateDeposit(PaymentOrder(merchantId = "M-7", amount = "1.00", currency = "EUR"))
        assertEquals("M-7", op.order.merchantId)
        assertEquals("X", Operation.GetPayout(OrderRef(merchantId = "X")).ref.merchantId)
        assertEquals("EUR", Operation.GetBalance(dev.pspkit.model.BalanceQuery(currency = "EUR")).query.currency)
        val methods = Operation.CreateDeposit::class.java.methods.map { it.name }
        assertFalse("getV1" in methods, "$methods")
    }

    @Test
    fun finalReadsAsInTheJson() {
        val outcome = Client(gateway()).send(status("ok"), ctx) as Outcome.Payment
        assertTrue(outcome.payment.status.final)
        assertTrue(outcome.payment.status.isFinal)
        assertTrue(outcome.payment.isFinal)
    }

    /** A lone surrogate in a Kotlin string is a typed input error (scripts/patch-lone-surrogate.py),
     * not the java.nio exception uniffi's string converter throws, on the direct and the generated calls. */
    @Test
    fun loneSurrogateIsATypedError() {
        val lone = "a text value is not valid Unicode text (a lone UTF-16 surrogate)"
        val calls = listOf<() -> Unit>(
            { gateway().build(Operation.GetDeposit(OrderRef(merchantId = "M\uD800")), ctx) },
            { gateway().build(Operation.GetDeposit(OrderRef(merchantId = "M")), Context(now = "\uDC00", nonce = null)) },
            { Gateway.fromJson("{\"provider\":\"paystar\",\"depositToken\":\"t\uD800\"}") },
        )
        for (call in calls) {
            val e = assertThrows(PspException::class.java) { call() }
            assertEquals(ErrorCode.INVALID_REQUEST, e.code)
            assertEquals(lone, e.detail)
        }
    }

    @Test
    fun messageComesFirst() {
        val e = assertThrows(PspException::class.java) {
            gateway().build(Operation.CreateDeposit(PaymentOrder(merchantId = "M-1", amount = "1.5.0", currency = "USD")), ctx)
        }
        assertEquals(ErrorCode.INVALID_REQUEST, e.code)
        val message = e.message!!
        assertTrue(message.startsWith(e.detail), message)
        assertTrue(message.endsWith("(invalid_request)"), message)
        assertFalse(message.contains("code="), message)
        val t = transportError("no answer within 5 ms")
        assertTrue(t.message!!.startsWith("transport: no answer"), t.message)
        assertTrue(t.message!!.endsWith("(temporarily_unavailable, retryable)"), t.message)
    }

    @Test
    fun nativeLibraryComesFromTheJar() {
        assertNull(System.getProperty("jna.library.path"), "tests must run as users do: no jna.library.path")
        val url = javaClass.classLoader.getResource("linux-x86-64/libpspkit_ffi.so")
        assertNotNull(url)
        assertTrue(url!!.toString().startsWith("jar:") && url.toString().contains("pspkit.jar!"), "$url")
        assertEquals("paystar", gateway().capabilities().provider) // the library loaded
    }

    @Test
    fun mavenArtifactHasCoordinatesAndJna() {
        val dir = File(System.getenv("PSPKIT_MAVEN_DIR") ?: return)
        val version = dir.name
        assertTrue(dir.path.endsWith("dev/pspkit/pspkit/$version"), dir.path)
        val pom = File(dir, "pspkit-$version.pom").readText()
        assertTrue(pom.contains("<groupId>dev.pspkit</groupId>") && pom.contains("<artifactId>pspkit</artifactId>"))
        assertTrue(pom.contains("<version>$version</version>"))
        assertTrue(Regex("<artifactId>jna</artifactId>\\s*<version>5\\.").containsMatchIn(pom), pom)
        ZipFile(File(dir, "pspkit-$version.jar")).use { zip ->
            assertNotNull(zip.getEntry("linux-x86-64/libpspkit_ffi.so"))
            assertNotNull(zip.getEntry("dev/pspkit/Client.class"))
        }
    }

    @Test
    fun okHttpTransportSendsAndParses() {
        val outcome = Client(gateway(), Duration.ofSeconds(5), OkHttpTransport()).send(status("ok"), ctx)
        assertEquals(State.SUCCEEDED, (outcome as Outcome.Payment).payment.status.state)
        assertTrue(seen.last().startsWith("GET /api/v1/integration/deposit-order/ok-1/status"), seen.last())
    }

    @Test
    fun okHttpKeepsTheContentTypeAsBuilt() {
        val request = HttpRequest("POST", "http://127.0.0.1:${server.address.port}/ok-post", mapOf("Content-Type" to "application/json"), "{}")
        assertEquals(200, OkHttpTransport().send(request, Duration.ofSeconds(5)).status.toInt())
        assertEquals("POST /ok-post application/json", seen.last())
    }

    @Test
    fun okHttpTimeoutAndRefusedAreTransportErrors() {
        val started = System.nanoTime()
        val e = assertThrows(PspException::class.java) {
            Client(gateway(), Duration.ofMillis(300), OkHttpTransport()).send(status("slow"), ctx)
        }
        assertTrue(System.nanoTime() - started < 1_500_000_000L)
        assertEquals(ErrorCode.TEMPORARILY_UNAVAILABLE, e.code)
        assertEquals(TransportError.TIMEOUT, transportKind(e))
        val port = java.net.ServerSocket(0).use { it.localPort }
        val refused = assertThrows(PspException::class.java) {
            OkHttpTransport().send(HttpRequest("GET", "http://127.0.0.1:$port/x"), Duration.ofSeconds(2))
        }
        assertEquals(TransportError.REFUSED, transportKind(refused))
    }

    @Test
    fun awaitSendOnEveryTransport(): Unit = runBlocking {
        val plain = HttpTransport { r, t -> JavaHttpTransport().send(r, t) } // not async: runs on Dispatchers.IO
        for (transport in listOf(JavaHttpTransport(), OkHttpTransport(), plain)) {
            val outcome = Client(gateway(), Duration.ofSeconds(5), transport).awaitSend(status("ok"), ctx)
            assertEquals(State.SUCCEEDED, (outcome as Outcome.Payment).payment.status.state, "$transport")
        }
        for (transport in listOf(JavaHttpTransport(), OkHttpTransport())) {
            val e = assertThrows(PspException::class.java) {
                runBlocking { Client(gateway(), Duration.ofMillis(300), transport).awaitSend(status("slow"), ctx) }
            }
            assertEquals(TransportError.TIMEOUT, transportKind(e), "$transport")
        }
    }
}
