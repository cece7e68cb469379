package dev.pspkit

import dev.pspkit.ffi.Gateway
import dev.pspkit.ffi.PaymentFlow
import dev.pspkit.ffi.PspException
import dev.pspkit.ffi.callbackEventToLogJson
import dev.pspkit.ffi.contextFromJson
import dev.pspkit.ffi.gatewayConfigFromJson
import dev.pspkit.ffi.gatewayConfigToLogJson
import dev.pspkit.ffi.httpRequestFromJson
import dev.pspkit.ffi.httpRequestToLogJson
import dev.pspkit.ffi.httpResponseFromJson
import dev.pspkit.ffi.operationFromJson
import dev.pspkit.ffi.operationToLogJson
import dev.pspkit.ffi.outcomeToLogJson
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

/**
 * The leak test (DESIGN §8): every vector through the Kotlin API; `toString()` and the log JSON
 * of every model object, and every error message, scanned for the config's secrets and the full
 * card numbers and CVVs the vector carries (collected from the vector itself, not from pspkit).
 */
class LeaksTest {
    private val secretFields = setOf("depositToken", "payoutToken", "callbackKey", "privateKey", "secret",
        "merchantControl", "depositSecret", "cashoutPass", "cashoutSecret", "reconciliationPassword")

    private class Sensitive(val secrets: Set<String>, val pans: Set<String>, val cvvs: Set<String>)

    private fun walk(v: Any?, out: MutableList<Pair<String, Any?>>) {
        when (v) {
            is Map<*, *> -> v.forEach { (k, x) -> out += (k as String) to x; walk(x, out) }
            is List<*> -> v.forEach { walk(it, out) }
        }
    }

    private fun sensitive(file: Map<String, Any?>, case: Map<String, Any?>): Sensitive {
        val secrets = HashSet<String>(); val pans = HashSet<String>(); val cvvs = HashSet<String>()
        val cfg = ArrayList<Pair<String, Any?>>(); walk(file["config"], cfg); walk(case["config"], cfg)
        cfg.forEach { (k, v) -> if (k in secretFields && v is String && v.trim().length >= 6) secrets += v }
        val ops = ArrayList<Pair<String, Any?>>(); walk(case["build"], ops); walk(case["create"], ops); walk(case["steps"], ops)
        ops.forEach { (k, v) ->
            if (k == "card" && v is Map<*, *>) {
                val digits = (v["number"]?.toString() ?: "").filter { it.isDigit() }
                if (digits.length in 12..19) pans += digits
                (v["cvv"] as? String)?.takeIf { it.isNotEmpty() }?.let { cvvs += it }
            }
        }
        return Sensitive(secrets, pans, cvvs)
    }

    private var checks = 0
    private val hits = ArrayList<String>()

    private fun scan(where: String, text: String, s: Sensitive) {
        val digits = text.filter { it.isDigit() }
        s.secrets.forEach { checks++; if (text.contains(it)) hits += "$where: secret in ${text.take(160)}" }
        s.pans.forEach { checks++; if (text.contains(it) || digits.contains(it)) hits += "$where: PAN in ${text.take(160)}" }
        val unescaped = text.replace("\\\"", "\"")
        s.cvvs.forEach { c ->
            checks++
            val pair = Regex("\"[a-z_]*cvv[a-z0-9_]*\"\\s*,\\s*\"value\"\\s*:\\s*\"" + Regex.escape(c) + "\"", RegexOption.IGNORE_CASE)
            if (Regex("\"(cvv|cardCvv|cvc)\"\\s*:\\s*\"" + Regex.escape(c) + "\"").containsMatchIn(unescaped) || pair.containsMatchIn(unescaped) || text.contains("cvv=$c"))
                hits += "$where: CVV in ${text.take(160)}"
        }
    }

    @Test
    fun noStringFormLeaks() {
        val root = File(System.getenv("PSPKIT_VECTORS") ?: "tests/vectors")
        root.walkTopDown().filter { it.isFile && it.extension == "json" }.sortedBy { it.path }.forEach { f ->
            @Suppress("UNCHECKED_CAST")
            val file = Json.parse(f.readText()) as? Map<String, Any?> ?: return@forEach
            (file["cases"] as? List<*> ?: emptyList<Any?>()).forEach { c ->
                @Suppress("UNCHECKED_CAST")
                val case = c as Map<String, Any?>
                val s = sensitive(file, case)
                val configJson = Json.write(case["config"] ?: file["config"])
                try {
                    val config = gatewayConfigFromJson(configJson)
                    scan("config", config.toString(), s); scan("config", gatewayConfigToLogJson(config), s)
                } catch (e: PspException) { scan("config error", e.message ?: "", s) }
                if (file["kind"] == "flow") {
                    try {
                        val create = operationFromJson(Json.write(case["create"]))
                        scan("create", create.toString(), s); scan("create", operationToLogJson(create), s)
                        val flow = PaymentFlow.startJson(configJson, Json.write(case["create"]),
                            Json.write(case["options"] ?: emptyMap<String, Any?>()), case["start"] as String)
                        (case["steps"] as? List<*>)?.forEach { st ->
                            val step = st as Map<*, *>
                            try {
                                (step["poll"] as? String)?.let { scan("action", flow.poll(it).toString(), s) }
                            } catch (e: PspException) { scan("flow error", e.message ?: "", s) }
                            scan("state", flow.stateJson(), s)
                        }
                        flow.close()
                    } catch (e: PspException) { scan("flow error", e.message ?: "", s) }
                    return@forEach
                }
                val ctx = HashMap<String, Any?>()
                (file["context"] as? Map<*, *>)?.forEach { (k, v) -> ctx[k as String] = v }
                (case["context"] as? Map<*, *>)?.forEach { (k, v) -> ctx[k as String] = v }
                try {
                    val gateway = Gateway.fromJson(configJson)
                    val context = contextFromJson(Json.write(ctx))
                    case["callback"]?.let { cb ->
                        val request = httpRequestFromJson(Json.write(cb))
                        val event = gateway.parseCallback(request, context)
                        scan("event", event.toString(), s); scan("event", callbackEventToLogJson(event), s)
                    }
                    case["build"]?.let { b ->
                        val op = operationFromJson(Json.write(b))
                        scan("operation", op.toString(), s); scan("operation", operationToLogJson(op), s)
                        val request = gateway.build(op, context)
                        scan("request", request.toString(), s); scan("request", httpRequestToLogJson(request), s)
                        case["response"]?.let { r ->
                            val outcome = gateway.parse(op, httpResponseFromJson(Json.write(r)))
                            scan("outcome", outcome.toString(), s); scan("outcome", outcomeToLogJson(outcome), s)
                        }
                    }
                    gateway.close()
                } catch (e: PspException) { scan("error", e.message ?: "", s); scan("error", e.toString(), s) }
            }
        }
        println("kotlin leak: $checks checks, ${hits.size} hits")
        assertTrue(checks > 10000, "the leak test checked almost nothing")
        assertTrue(hits.isEmpty(), hits.take(20).joinToString("\n"))
    }
}
