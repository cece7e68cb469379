package dev.pspkit

import com.sun.net.httpserver.HttpServer
import dev.pspkit.ffi.Gateway
import dev.pspkit.ffi.PspException
import dev.pspkit.model.Context
import dev.pspkit.model.ErrorCode
import dev.pspkit.model.Operation
import dev.pspkit.model.OrderRef
import dev.pspkit.model.Outcome
import dev.pspkit.model.State
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.net.InetSocketAddress
import java.time.Duration

/** `Client` against a local com.sun.net.httpserver on 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientTest {
    private lateinit var server: HttpServer
    private val seenAuth = mutableListOf<String?>()
    private val statusBody = """{"externalId":"ok-1","orderStatus":"Success","amount":26.5,"orderHistory":[]}"""
    private val ctx = Context("2026-01-01T00:00:00Z", null)

    @BeforeAll
    fun start() {
        server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/") { ex ->
            seenAuth += ex.requestHeaders.getFirst("Authorization")
            val path = ex.requestURI.path
            val (status, type, body) = when {
                "/ok-" in path -> Triple(200, "application/json", statusBody)
                "/slow-" in path -> { Thread.sleep(2000); Triple(200, "application/json", statusBody) }
                "/locked-" in path -> Triple(423, "application/json", """{"code":"423","message":"Locked"}""")
                "/html-" in path -> Triple(502, "text/html", "<html><body>502 Bad Gateway</body></html>")
                else -> Triple(404, "text/plain", "no route")
            }
            val bytes = body.toByteArray()
            try {
                ex.responseHeaders.add("Content-Type", type)
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

    private fun status(route: String) = Operation.GetDeposit(OrderRef("$route-1", null))

    @Test
    fun success() {
        val outcome = Client(gateway(), Duration.ofSeconds(5)).send(status("ok"), ctx)
        val payment = (outcome as Outcome.Payment).payment
        assertEquals(State.SUCCEEDED, payment.status.state)
        assertTrue(payment.status.isFinal)
        assertEquals("ok-1", payment.providerId)
        assertEquals("Bearer dep-token", seenAuth.last())
    }

    @Test
    fun timeout() {
        val started = System.nanoTime()
        val e = assertThrows(PspException::class.java) {
            Client(gateway(), Duration.ofMillis(300)).send(status("slow"), ctx)
        }
        assertTrue(System.nanoTime() - started < 1_500_000_000L)
        assertEquals(ErrorCode.TEMPORARILY_UNAVAILABLE, e.code)
        assertTrue(e.retryable)
        assertEquals(null, e.httpStatus)
    }

    @Test
    fun locked423() {
        val e = assertThrows(PspException::class.java) { Client(gateway()).send(status("locked"), ctx) }
        assertEquals(ErrorCode.TEMPORARILY_UNAVAILABLE, e.code)
        assertEquals(423, e.httpStatus?.toInt())
    }

    @Test
    fun html502() {
        val e = assertThrows(PspException::class.java) { Client(gateway()).send(status("html"), ctx) }
        assertEquals("temporarily_unavailable", e.code.wireName)
        assertEquals(502, e.httpStatus?.toInt())
    }

    @Test
    fun pluggableTransport() {
        val fake = HttpTransport { req, _ ->
            assertTrue(req.url.endsWith("/deposit-order/ok-1/status"))
            dev.pspkit.model.HttpResponse(200.toUShort(), mapOf(), statusBody)
        }
        val outcome = Client(gateway(), transport = fake).send(status("ok"), ctx)
        assertEquals(State.SUCCEEDED, (outcome as Outcome.Payment).payment.status.state)
    }

    @Test
    fun secretsNeverInToString() {
        val config = dev.pspkit.ffi.gatewayConfigFromJson("""{"provider":"paystar","depositToken":"very-secret-token"}""")
        assertFalse(config.toString().contains("very-secret-token"))
        assertEquals("paystar", Gateway(config).capabilities().provider)
    }
}
