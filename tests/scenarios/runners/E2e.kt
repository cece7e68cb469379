// Kotlin e2e runner: every scenario of tests/scenarios/ through the Kotlin package's public API
// (Gateway, Client, the canonical JSON functions) against the sandbox at $PSPKIT_SANDBOX_URL.
// Closes with "kotlin e2e: N passed, M failed"; exits 1 if any failed. Format: ../README.md.
// Built and run by run-kotlin.sh. PSPKIT_E2E_VERBOSE=1 prints every step.
package dev.pspkit.e2e

import com.sun.net.httpserver.HttpServer
import dev.pspkit.Client
import dev.pspkit.code
import dev.pspkit.detail
import dev.pspkit.httpStatus
import dev.pspkit.providerCode
import dev.pspkit.retryable
import dev.pspkit.wireName
import dev.pspkit.ffi.Gateway
import dev.pspkit.ffi.PspException
import dev.pspkit.ffi.callbackEventToJson
import dev.pspkit.ffi.httpRequestFromJson
import dev.pspkit.ffi.operationFromJson
import dev.pspkit.ffi.outcomeToJson
import dev.pspkit.model.Context
import java.io.File
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import kotlin.system.exitProcess

/** A small JSON reader/writer: objects → LinkedHashMap, arrays → List, numbers → Long/Double. */
object Json {
    fun parse(text: String): Any? = Reader(text).run { val v = value(); ws(); require(i == s.length) { "trailing data" }; v }

    private class Reader(val s: String) {
        var i = 0
        fun ws() { while (i < s.length && s[i].isWhitespace()) i++ }
        fun value(): Any? {
            ws()
            val c = s[i]
            return when {
                c == '{' -> objectValue()
                c == '[' -> arrayValue()
                c == '"' -> str()
                s.startsWith("true", i) -> { i += 4; true }
                s.startsWith("false", i) -> { i += 5; false }
                s.startsWith("null", i) -> { i += 4; null }
                else -> number()
            }
        }
        fun objectValue(): Map<String, Any?> {
            i++
            val m = LinkedHashMap<String, Any?>()
            ws()
            if (s[i] == '}') { i++; return m }
            while (true) {
                ws(); val k = str(); ws()
                require(s[i++] == ':') { "expected : at ${i - 1}" }
                m[k] = value(); ws()
                if (s[i] == ',') { i++; continue }
                require(s[i++] == '}') { "expected } at ${i - 1}" }
                return m
            }
        }
        fun arrayValue(): List<Any?> {
            i++
            val l = ArrayList<Any?>()
            ws()
            if (s[i] == ']') { i++; return l }
            while (true) {
                l.add(value()); ws()
                if (s[i] == ',') { i++; continue }
                require(s[i++] == ']') { "expected ] at ${i - 1}" }
                return l
            }
        }
        fun number(): Any {
            val st = i
            while (i < s.length && (s[i].isDigit() || s[i] in "+-.eE")) i++
            val t = s.substring(st, i)
            require(t.isNotEmpty()) { "bad JSON at $st" }
            return if (t.any { it in ".eE" }) t.toDouble() else t.toLong()
        }
        fun str(): String {
            require(s[i++] == '"')
            val b = StringBuilder()
            while (true) {
                val c = s[i++]
                when (c) {
                    '"' -> return b.toString()
                    '\\' -> when (val e = s[i++]) {
                        'n' -> b.append('\n'); 't' -> b.append('\t'); 'r' -> b.append('\r')
                        'b' -> b.append('\b'); 'f' -> b.append('\u000c')
                        'u' -> { b.append(s.substring(i, i + 4).toInt(16).toChar()); i += 4 }
                        else -> b.append(e)
                    }
                    else -> b.append(c)
                }
            }
        }
    }

    fun write(v: Any?): String = when (v) {
        null -> "null"
        is String -> buildString {
            append('"')
            for (c in v) when {
                c == '"' -> append("\\\""); c == '\\' -> append("\\\\")
                c == '\n' -> append("\\n"); c == '\r' -> append("\\r"); c == '\t' -> append("\\t")
                c < ' ' -> append("\\u%04x".format(c.code))
                else -> append(c)
            }
            append('"')
        }
        is Map<*, *> -> v.entries.joinToString(",", "{", "}") { (k, x) -> write(k.toString()) + ":" + write(x) }
        is List<*> -> v.joinToString(",", "[", "]") { write(it) }
        is Boolean, is Long, is Int -> v.toString()
        is Double -> if (v == Math.floor(v) && !v.isInfinite() && Math.abs(v) < 1e15) v.toLong().toString() else v.toString()
        else -> write(v.toString())
    }
}

val base = (System.getenv("PSPKIT_SANDBOX_URL") ?: "").trimEnd('/')
val verbose = System.getenv("PSPKIT_E2E_VERBOSE") == "1"
fun say(line: String) { if (verbose) println(line) }
val http: HttpClient = HttpClient.newHttpClient()

@Suppress("UNCHECKED_CAST")
fun obj(v: Any?): Map<String, Any?> = v as? Map<String, Any?> ?: emptyMap()

fun mismatch(expected: Any?, actual: Any?, path: String = "$"): String? {
    if (expected is Map<*, *>) {
        if (actual !is Map<*, *>) return "$path: expected an object, got ${Json.write(actual)}"
        for ((k, v) in expected) {
            if (!actual.containsKey(k)) return "$path.$k: missing"
            mismatch(v, actual[k], "$path.$k")?.let { return it }
        }
        return null
    }
    if (expected is List<*>) {
        if (actual !is List<*> || actual.size != expected.size) return "$path: expected an array of ${expected.size}, got ${Json.write(actual)}"
        expected.indices.forEach { i -> mismatch(expected[i], actual[i], "$path[$i]")?.let { return it } }
        return null
    }
    val same = if (expected is Number && actual is Number) expected.toDouble() == actual.toDouble() else expected == actual
    return if (same) null else "$path: expected ${Json.write(expected)}, got ${Json.write(actual)}"
}

fun template(v: Any?, vars: Map<String, String>): Any? = when (v) {
    is String -> vars.entries.fold(v) { acc, (k, x) -> acc.replace("{{$k}}", x) }
    is List<*> -> v.map { template(it, vars) }
    is Map<*, *> -> v.entries.associate { (k, x) -> k.toString() to template(x, vars) }
    else -> v
}

fun errorJson(e: Throwable): Map<String, Any?> {
    if (e !is PspException) return mapOf("code" to "runner_exception", "message" to e.toString())
    if (e.code.wireName == "temporarily_unavailable" && e.httpStatus == null && e.detail.startsWith("transport:")) {
        return mapOf("code" to "transport", "message" to e.detail)
    }
    return mapOf(
        "code" to e.code.wireName, "message" to e.detail, "retryable" to e.retryable,
        "httpStatus" to e.httpStatus?.toLong(), "providerCode" to e.providerCode,
    )
}

fun admin(method: String, path: String, body: Any? = null): Map<String, Any?> {
    val pub = if (body == null) HttpRequest.BodyPublishers.noBody() else HttpRequest.BodyPublishers.ofString(Json.write(body))
    val req = HttpRequest.newBuilder(URI.create("$base/__admin$path")).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json").method(method, pub).build()
    val r = http.send(req, HttpResponse.BodyHandlers.ofString())
    if (r.statusCode() != 200) error("admin $path: HTTP ${r.statusCode()} ${r.body()}")
    return obj(Json.parse(r.body()))
}

fun stateOf(o: Any?): String {
    val p = obj(obj(o)["payment"] ?: o)
    val s = obj(p["status"])
    return "${s["state"] ?: "?"} (${s["providerStatus"] ?: "-"})"
}

class Receiver {
    @Volatile var gateway: Gateway? = null
    val received = java.util.Collections.synchronizedList(ArrayList<Any?>())
    val server: HttpServer = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
    val url: String get() = "https://127.0.0.1:${server.address.port}/callbacks"

    init {
        server.createContext("/") { ex ->
            val body = ex.requestBody.readBytes().toString(Charsets.UTF_8)
            val headers = ex.requestHeaders.entries.associate { (k, v) -> k.lowercase() to v.joinToString(", ") }
            val request = mapOf("method" to ex.requestMethod, "url" to "https://127.0.0.1:${server.address.port}${ex.requestURI}",
                "headers" to headers, "body" to body)
            var status = 400
            var reply = "rejected"
            val seen: Any? = try {
                val event = gateway!!.parseCallback(httpRequestFromJson(Json.write(request)), Context(null, null))
                val v = obj(Json.parse(callbackEventToJson(event)))
                status = (obj(v["reply"])["status"] as Number).toInt()
                reply = obj(v["reply"])["body"] as? String ?: ""
                say("    <- callback ${ex.requestMethod} ${ex.requestURI}  signature ${if (v["verified"] == true) "verified" else "NOT verified"}  claims ${stateOf(v)}  -> reply $status")
                v
            } catch (e: Exception) {
                val err = errorJson(e); say("    <- callback REJECTED: ${err["code"]}"); mapOf("error" to err)
            }
            received.add(seen)
            val bytes = reply.toByteArray()
            ex.responseHeaders.add("content-type", "text/plain")
            ex.sendResponseHeaders(status, if (bytes.isEmpty()) -1 else bytes.size.toLong())
            ex.responseBody.use { it.write(bytes) }
        }
        server.start()
    }
}

class Runner(private val receiver: Receiver) {
    private var nonce = 0

    fun call(op: Any?, step: Map<String, Any?>, config: Any?): Map<String, Any?> {
        val gateway = Gateway.fromJson(Json.write(step["config"] ?: config))
        return try {
            val now = admin("GET", "/health")["now"] as String
            nonce += 1
            val timeout = Duration.ofMillis(((step["timeoutMs"] as? Number)?.toLong()) ?: 3000L)
            val outcome = Client(gateway, timeout).send(operationFromJson(Json.write(op)), Context(now, "kotlin-$nonce"))
            val v = Json.parse(outcomeToJson(outcome))
            say("  -> ${obj(op)["type"]}  => ${stateOf(v)}")
            mapOf("outcome" to v)
        } catch (e: Exception) {
            val err = errorJson(e); say("  -> ${obj(op)["type"]}  !! ${err["code"]}"); mapOf("error" to err)
        } finally {
            gateway.close()
        }
    }

    fun check(step: Map<String, Any?>, result: Map<String, Any?>, memory: MutableMap<String, Any?>) {
        if (step.containsKey("expectError")) {
            val err = result["error"] ?: error("expected error ${Json.write(step["expectError"])}, got ${Json.write(result)}")
            mismatch(step["expectError"], err)?.let { error("error: $it") }
            return
        }
        val out = result["outcome"] ?: error("expected an outcome, got ${Json.write(result)}")
        step["expect"]?.let { w -> mismatch(w, out)?.let { error("outcome: $it") } }
        (obj(obj(obj(out)["payment"])["nextAction"])["url"] as? String)?.let { memory["nextActionUrl"] = it }
    }

    fun run(scenario: Map<String, Any?>) {
        val vars = mapOf("sandbox" to base, "callbackUrl" to receiver.url, "run" to "kotlin")
        admin("POST", "/reset")
        scenario["faults"]?.let { admin("POST", "/faults", mapOf("faults" to it)) }
        val config = template(scenario["config"], vars)
        receiver.gateway?.close()
        receiver.gateway = Gateway.fromJson(Json.write(config))
        val memory = mutableMapOf<String, Any?>()
        val callbacks = ArrayList<Any?>()
        (scenario["steps"] as List<*>).forEachIndexed { i, raw ->
            val step = obj(template(raw, vars))
            try {
                when {
                    step.containsKey("call") -> check(step, call(step["call"], step, config), memory)
                    step.containsKey("confirm") -> {
                        val last = callbacks.reversed().map { obj(it) }.firstOrNull { it["confirmWith"] != null }
                            ?: error("no callback with confirmWith to confirm")
                        say("  confirm the callback with the status call")
                        check(step, call(last["confirmWith"], step, config), memory)
                    }
                    step.containsKey("advance") -> {
                        receiver.received.clear()
                        say("  clock +${step["advance"]}s")
                        admin("POST", "/advance", mapOf("seconds" to step["advance"]))
                        val got = synchronized(receiver.received) { ArrayList(receiver.received) }
                        callbacks.addAll(got)
                        (step["expectCallbacks"] as? List<*>)?.let { want ->
                            if (want.size != got.size) error("expected ${want.size} callbacks, got ${got.size}: ${Json.write(got)}")
                            want.indices.forEach { n -> mismatch(want[n], got[n])?.let { error("callback ${n + 1}: $it") } }
                        }
                    }
                    step.containsKey("visit") -> {
                        var url = memory["nextActionUrl"] as? String ?: error("no nextAction.url to visit")
                        (step["query"] as? String)?.let { url = "$url?$it" }
                        val r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.ofString())
                        say("  payer visits $url -> ${r.statusCode()}")
                        val want = (step["expectStatus"] as? Number)?.toInt() ?: 200
                        if (r.statusCode() != want) error("visit: HTTP ${r.statusCode()}")
                    }
                    step.containsKey("faults") -> admin("POST", "/faults", mapOf("faults" to step["faults"]))
                    else -> error("unknown step ${Json.write(step)}")
                }
            } catch (e: Exception) {
                throw IllegalStateException("step ${i + 1}: ${e.message}", e)
            }
        }
    }
}

fun scenarioFiles(dir: File): List<File> =
    dir.listFiles()!!.sortedBy { it.name }.flatMap {
        if (it.isDirectory) (if (it.name == "runners") emptyList() else scenarioFiles(it))
        else if (it.extension == "json") listOf(it) else emptyList()
    }

fun main(args: Array<String>) {
    if (base.isEmpty()) { System.err.println("PSPKIT_SANDBOX_URL is not set (start with tests/sandbox/with-sandbox.sh)"); exitProcess(2) }
    val root = File(args.firstOrNull() ?: "tests/scenarios")
    val receiver = Receiver()
    val runner = Runner(receiver)
    var passed = 0
    var failed = 0
    for (f in scenarioFiles(root)) {
        val scenario = obj(Json.parse(f.readText()))
        say("== ${scenario["name"]}")
        try {
            runner.run(scenario); passed++; println("ok   ${scenario["name"]}")
        } catch (e: Exception) {
            failed++; println("FAIL ${scenario["name"]} ($f): ${e.message}")
        }
    }
    receiver.server.stop(0)
    println("kotlin e2e: $passed passed, $failed failed")
    exitProcess(if (failed == 0) 0 else 1)
}
