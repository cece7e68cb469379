package dev.pspkit

import dev.pspkit.ffi.Gateway
import dev.pspkit.ffi.PaymentFlow
import dev.pspkit.ffi.transportErrorFromJson
import dev.pspkit.ffi.PspException
import dev.pspkit.ffi.callbackEventToJson
import dev.pspkit.ffi.contextFromJson
import dev.pspkit.ffi.httpRequestFromJson
import dev.pspkit.ffi.httpResponseFromJson
import dev.pspkit.ffi.operationFromJson
import dev.pspkit.ffi.outcomeToJson
import dev.pspkit.model.HttpRequest
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.File
import java.math.BigDecimal
import java.net.URLDecoder

/**
 * Every DESIGN §6 vector (tests/vectors, or the folder in $PSPKIT_VECTORS) through the Kotlin
 * API, with the same subset matching as core/src/conformance/matching.rs.
 */
class VectorsTest {
    companion object {
        var passed = 0
        var failed = 0

        @JvmStatic
        @AfterAll
        fun summary() = println("kotlin: $passed passed, $failed failed")

        fun root(): File = File(System.getenv("PSPKIT_VECTORS") ?: "tests/vectors")
    }

    class CaseFailed(msg: String) : AssertionError(msg)

    @TestFactory
    fun vectors(): List<DynamicTest> {
        val dir = root()
        assertTrue(dir.isDirectory, "no such folder: $dir")
        val tests = ArrayList<DynamicTest>()
        dir.walkTopDown().filter { it.isFile && it.extension == "json" }.sortedBy { it.path }.forEach { f ->
            @Suppress("UNCHECKED_CAST")
            val file = Json.parse(f.readText()) as? Map<String, Any?>
            val rel = f.relativeTo(dir).path
            val cases = file?.get("cases") as? List<*>
            if (cases == null) {
                tests += DynamicTest.dynamicTest("$rel::<file>") { failed++; throw CaseFailed("missing \"cases\" array") }
                return@forEach
            }
            cases.forEachIndexed { i, c ->
                @Suppress("UNCHECKED_CAST")
                val case = c as Map<String, Any?>
                val name = case["name"] as? String ?: "case #$i"
                tests += DynamicTest.dynamicTest("$rel::$name") {
                    try {
                        if (file["kind"] == "flow") runFlowCase(file, case) else runCase(file, case)
                        passed++
                    } catch (e: Throwable) { failed++; throw e }
                }
            }
        }
        return tests
    }

    private fun runCase(file: Map<String, Any?>, case: Map<String, Any?>) {
        val config = case["config"] ?: file["config"] ?: throw CaseFailed("no config")
        val ctx = LinkedHashMap<String, Any?>()
        (file["context"] as? Map<*, *>)?.forEach { (k, v) -> ctx[k as String] = v }
        (case["context"] as? Map<*, *>)?.forEach { (k, v) -> ctx[k as String] = v }
        val context = contextFromJson(Json.write(ctx))
        val expect = case["expect"]
        val expectError = case["expectError"]

        val gateway = try { Gateway.fromJson(Json.write(config)) } catch (e: PspException) { return settleError(e, expectError, "config") }

        case["callback"]?.let { cb ->
            val request = httpRequestFromJson(Json.write(cb))
            val event = try { gateway.parseCallback(request, context) } catch (e: PspException) { return settleError(e, expectError, "parse_callback") }
            return settleValue(Json.parse(callbackEventToJson(event)), expect, expectError)
        }
        val opJson = case["build"] ?: throw CaseFailed("a case needs \"build\" or \"callback\"")
        val operation = try { operationFromJson(Json.write(opJson)) } catch (e: PspException) { return settleError(e, expectError, "operation") }
        var built: HttpRequest? = null
        var buildError: PspException? = null
        try { built = gateway.build(operation, context) } catch (e: PspException) { buildError = e }
        case["expectRequest"]?.let { exp ->
            val req = built ?: throw CaseFailed("build failed: ${errorJson(buildError!!)}")
            @Suppress("UNCHECKED_CAST")
            checkRequest(exp as Map<String, Any?>, req)
        }
        val responseJson = case["response"]
        if (responseJson == null) {
            if (buildError != null) return settleError(buildError, expectError, "build")
            if (expectError != null) throw CaseFailed("build succeeded but an error was expected")
            if (case["expectRequest"] == null) throw CaseFailed("case checks nothing")
            return
        }
        val response = httpResponseFromJson(Json.write(responseJson))
        val outcome = try { gateway.parse(operation, response) } catch (e: PspException) { return settleError(e, expectError, "parse") }
        settleValue(Json.parse(outcomeToJson(outcome)), expect, expectError)
    }

    /**
     * A flow vector case (core/src/flow/vectors.rs): start a PaymentFlow, then before every step
     * store its state as JSON and resume from it; a send_request action gets `request.json`.
     */
    private fun runFlowCase(file: Map<String, Any?>, case: Map<String, Any?>) {
        val configJson = Json.write(case["config"] ?: file["config"] ?: throw CaseFailed("no config"))
        @Suppress("UNCHECKED_CAST")
        val createMap = case["create"] as? Map<String, Any?> ?: throw CaseFailed("no create")
        val create = Json.write(createMap)
        val start = case["start"] as? String ?: throw CaseFailed("no start")
        val startError = case["startError"]
        val steps = case["steps"] as? List<*> ?: (if (startError != null) emptyList<Any?>() else throw CaseFailed("no steps"))
        val resumeWithCard = when (val r = case["resumeWithCard"]) {
            null -> true
            is Boolean -> r
            else -> throw CaseFailed("\"resumeWithCard\" must be true or false")
        }
        // The host's copy of the card, supplied on every resume (the state holds only its mask).
        var card: Any? = if (resumeWithCard) createMap["card"] else null
        var flow = try { PaymentFlow.startJson(configJson, create, Json.write(case["options"] ?: emptyMap<String, Any?>()), start) }
        catch (e: PspException) {
            if (startError != null) return settleError(e, startError, "start")
            throw CaseFailed("start failed: ${Json.write(errorJson(e))}")
        }
        try {
            if (startError != null) throw CaseFailed("expected start to fail with ${Json.write(startError)}")
            steps.forEachIndexed { i, s ->
                val stored = flow.stateJson()
                val resumed = try {
                    val c = card
                    if (c == null) PaymentFlow.resumeJson(configJson, stored)
                    else PaymentFlow.resumeJsonWithCard(configJson, stored, Json.write(c))
                } catch (e: PspException) { throw CaseFailed("step $i: resume failed: ${Json.write(errorJson(e))}") }
                flow.close()
                flow = resumed
                @Suppress("UNCHECKED_CAST")
                val step = s as? Map<String, Any?> ?: throw CaseFailed("step $i is not an object")
                try {
                    when {
                        step.containsKey("supplyCard") -> {
                            val supplied = step["supplyCard"]
                            var failed = false
                            try { flow.supplyCardJson(Json.write(supplied)) } catch (e: PspException) {
                                failed = true
                                settleError(e, step["expectError"], "supply_card")
                            }
                            if (!failed) {
                                card = supplied
                                settleValue(null, null, step["expectError"])
                            }
                        }
                        step.containsKey("state") -> checkState(stored, step["state"])
                        else -> runFlowStep(flow, step)
                    }
                } catch (e: CaseFailed) { throw CaseFailed("step $i: ${e.message}") }
            }
        } finally {
            flow.close()
        }
    }

    /** A `state` step: the stored JSON holds none of `mustNotContain` and matches `expect`. */
    private fun checkState(stored: String, check: Any?) {
        @Suppress("UNCHECKED_CAST")
        val c = check as? Map<String, Any?> ?: throw CaseFailed("\"state\" must be an object")
        (c["mustNotContain"] as? List<*> ?: emptyList<Any?>()).forEach { needle ->
            val n = needle as? String ?: throw CaseFailed("\"mustNotContain\" must be a list of strings")
            if (stored.contains(n)) throw CaseFailed("the stored state contains \"$n\": $stored")
        }
        c["expect"]?.let { e -> mismatch(e, Json.parse(stored), "$")?.let { throw CaseFailed("state $it; got $stored") } }
    }

    private fun runFlowStep(flow: PaymentFlow, step: Map<String, Any?>) {
        val expect = step["expect"]
        val expectError = step["expectError"]
        fun now() = step["now"] as? String ?: throw CaseFailed("needs \"now\"")
        step["poll"]?.let { at ->
            @Suppress("UNCHECKED_CAST")
            val action = try { Json.parse(flow.pollJson(at as String)) as MutableMap<String, Any?> }
            catch (e: PspException) { return settleError(e, expectError, "poll") }
            @Suppress("UNCHECKED_CAST")
            val request = action["request"] as? MutableMap<String, Any?>
            if (action["type"] == "send_request" && request != null) {
                try { request["json"] = Json.parse(request["body"] as? String ?: "") } catch (_: Exception) {}
            }
            return settleValue(action, expect, expectError)
        }
        step["response"]?.let { r ->
            try { flow.handleResponseJson(now(), Json.write(r)) } catch (e: PspException) { return settleError(e, expectError, "handle_response") }
            return settleValue(null, null, expectError)
        }
        step["transportError"]?.let { t ->
            try { flow.handleTransportError(now(), transportErrorFromJson(Json.write(t))) }
            catch (e: PspException) { return settleError(e, expectError, "handle_transport_error") }
            return settleValue(null, null, expectError)
        }
        step["callback"]?.let { c ->
            val reply = try { flow.handleCallbackJson(now(), Json.write(c)) } catch (e: PspException) { return settleError(e, expectError, "handle_callback") }
            return settleValue(Json.parse(reply), expect, expectError)
        }
        throw CaseFailed("a step needs \"poll\", \"response\", \"transportError\", \"callback\", \"supplyCard\" or \"state\"")
    }

    private fun checkRequest(exp: Map<String, Any?>, actual: HttpRequest) {
        exp["method"]?.let { if (it != actual.method) throw CaseFailed("method: expected $it, got ${actual.method}") }
        exp["url"]?.let { if (it != actual.url) throw CaseFailed("url: expected $it, got ${actual.url}") }
        exp["headers"]?.let { h -> mismatch(h, actual.headers, "$", ciKeys = true)?.let { throw CaseFailed("headers: $it") } }
        (exp["absentHeaders"] as? List<*>)?.forEach { name ->
            if (actual.headers.keys.any { it.equals(name as String, ignoreCase = true) }) throw CaseFailed("header $name must be absent")
        }
        exp["body"]?.let { if (it != actual.body) throw CaseFailed("body: expected $it, got ${actual.body}") }
        exp["json"]?.let { j ->
            val body = try { Json.parse(actual.body) } catch (e: Exception) { throw CaseFailed("body is not JSON: ${actual.body}") }
            mismatch(j, body, "$")?.let { throw CaseFailed("json body: $it") }
        }
        exp["form"]?.let { f ->
            val form = actual.body.split('&').filter { it.isNotEmpty() }.associate {
                val (k, v) = if ('=' in it) it.split('=', limit = 2) else listOf(it, "")
                URLDecoder.decode(k, "UTF-8") to URLDecoder.decode(v, "UTF-8")
            }
            mismatch(f, form, "$")?.let { throw CaseFailed("form body: $it") }
        }
    }

    private fun settleValue(actual: Any?, expect: Any?, expectError: Any?) {
        if (expectError != null) throw CaseFailed("expected an error, got ${Json.write(actual)}")
        if (expect != null) mismatch(expect, actual, "$")?.let { throw CaseFailed(it) }
    }

    private fun errorJson(e: PspException): Map<String, Any?> = mapOf(
        "code" to e.code.wireName, "message" to e.detail, "retryable" to e.retryable,
        "httpStatus" to e.httpStatus?.let { BigDecimal(it.toInt()) }, "providerCode" to e.providerCode,
    )

    private fun settleError(e: PspException, expectError: Any?, stage: String) {
        val actual = errorJson(e)
        if (expectError == null) throw CaseFailed("$stage failed: ${Json.write(actual)}")
        mismatch(expectError, actual, "$")?.let { throw CaseFailed("$stage error $it; got ${Json.write(actual)}") }
    }

    /** null when [expected] is a subset of [actual]. */
    private fun mismatch(expected: Any?, actual: Any?, path: String, ciKeys: Boolean = false): String? {
        if (expected is Map<*, *> && actual is Map<*, *>) {
            for ((k, ev) in expected) {
                val key = k as String
                val hit = if (ciKeys) actual.entries.firstOrNull { (it.key as String).equals(key, true) } else actual.entries.firstOrNull { it.key == key }
                if (hit == null) { if (ev == null) continue; return "$path.$key: missing (expected ${Json.write(ev)})" }
                mismatch(ev, hit.value, "$path.$key")?.let { return it }
            }
            return null
        }
        if (expected is List<*> && actual is List<*>) {
            if (expected.size != actual.size) return "$path: expected ${expected.size} elements, got ${actual.size}"
            expected.zip(actual).forEachIndexed { i, (e, a) -> mismatch(e, a, "$path[$i]")?.let { return it } }
            return null
        }
        if (expected is BigDecimal && actual is BigDecimal) {
            return if (expected.compareTo(actual) == 0) null else "$path: expected $expected, got $actual"
        }
        return if (expected == actual) null else "$path: expected ${Json.write(expected)}, got ${Json.write(actual)}"
    }
}
