// Per-call cost of parse + normalize of a PayStar status answer, from Kotlin on the JVM.
//
// The reference is a plain Kotlin/JVM integration written without pspkit: org.json (Android's
// org.json, the parser an Android app already has; Debian's libandroid-json-java) + PayStar's
// status table (from the provider's docs, as core/src/providers/paystar/status.rs reads it).
// It does no validation, no money checks and no history decoding, so it is a lower bound.
// pspkit's shapes, from the call users write to the hot path:
//   - Gateway.parse(operation, HttpResponse): the full typed Outcome record, through the direct
//     JNA call (DirectAbi.kt: one crossing, primitive arguments, uniffi's own serialized form);
//   - the rows below it go through uniffi's generated calls (JNA Structures, several crossings):
//   - StatusParser.parse(status, body): the operation prepared once, a flat StatusSummary out;
//   - StatusParser.parseState(status, body): the state only;
//   - StatusParser.parseText(answers): 100 answers in one string, their states in one string
//     back (the batch path: one crossing for many answers), cost per answer.
// Prints each figure, the reference's and the ratio, from one run (best of 5 rounds, thread CPU
// time, so other load on the machine does not count).
// Run: make bench-kotlin
package dev.pspkit.bench

import dev.pspkit.ffi.Gateway
import dev.pspkit.model.HttpResponse
import dev.pspkit.model.Operation
import dev.pspkit.model.OrderRef
import dev.pspkit.model.Outcome
import dev.pspkit.model.State
import org.json.JSONObject

const val BODY = """{"externalId":"ad66a2ff-97d1-47c5-8552-53752a51f031","orderStatus":"Success","amount":2600.00,"externalParams":{"cardToken":null,"cardStorageToken":null,"cardHolder":null,"cardNumber":null},"orderHistory":[{"time":"2025-07-28T09:29:51.339832","action":"1.1.0.0"}]}"""

/** What the reference returns: enough to act on (state, final, ids, amount as written). */
data class RefStatus(val state: String, val final: Boolean, val providerStatus: String?, val providerId: String?, val amount: String?)

val STATES = mapOf("Init" to "requires_action", "Created" to "pending", "Processing" to "processing", "Success" to "succeeded", "Failed" to "failed")
val FINAL = setOf("succeeded", "failed")

fun reference(status: Int, body: String): RefStatus {
    check(status == 200)
    val data = JSONObject(body)
    val word = if (data.isNull("orderStatus")) null else data.getString("orderStatus")
    val state = STATES[word] ?: "unknown"
    val amount = if (data.isNull("amount")) null else data.get("amount").toString()
    return RefStatus(state, state in FINAL, word, data.optString("externalId", null), amount)
}

val cpu: java.lang.management.ThreadMXBean = java.lang.management.ManagementFactory.getThreadMXBean()

/**
 * Best of 5 rounds of [n] calls, in µs per call of this thread's CPU time: the machine is shared,
 * and wall time would count the time other processes held the cores.
 */
inline fun best(n: Int, f: () -> Any?): Double {
    var sink = 0
    var bestNs = Long.MAX_VALUE
    repeat(5) {
        val t0 = cpu.currentThreadCpuTime
        repeat(n) { sink += f().hashCode() }
        bestNs = minOf(bestNs, cpu.currentThreadCpuTime - t0)
    }
    if (sink == 42) println() // keeps the results alive
    return bestNs / 1000.0 / n
}

fun main() {
    val gw = Gateway.fromJson("""{"provider":"paystar","depositToken":"t"}""")
    val op = Operation.GetDeposit(OrderRef(providerId = "ad66a2ff-97d1-47c5-8552-53752a51f031"))
    val response = HttpResponse(200.toUShort(), emptyMap(), BODY)
    val parser = gw.statusParser("""{"type":"get_deposit","providerId":"ad66a2ff-97d1-47c5-8552-53752a51f031"}""")
    // Same answer from both sides before timing anything.
    val payment = (gw.parse(op, response) as Outcome.Payment).payment
    val ref = reference(200, BODY)
    check(payment.status.state == State.SUCCEEDED && ref.state == "succeeded" && ref.final && payment.status.isFinal)
    check(payment.providerId == ref.providerId)
    check(parser.parseState(200.toUShort(), BODY) == State.SUCCEEDED)

    val batch = List(100) { "200 $BODY" }.joinToString("\u001e")
    check(parser.parseText(batch).split('\u001e').all { it == "succeeded" })
    val n = 5_000
    // Warm-up: let the JIT compile both sides (JNA's marshalling included).
    repeat(2) { best(n) { reference(200, BODY) }; best(n) { gw.parse(op, response) }; best(n) { parser.parseState(200.toUShort(), BODY) } }
    val refUs = best(n) { reference(200, BODY) }
    val rows = listOf(
        "Gateway.parse (typed Outcome)" to best(n) { gw.parse(op, response) },
        "StatusParser.parse (prepared, flat summary)" to best(n) { parser.parse(200.toUShort(), BODY) },
        "StatusParser.parseState (prepared, state only)" to best(n) { parser.parseState(200.toUShort(), BODY) },
        // No parsing at all: the fixed cost of one call through JNA with a record coming back.
        "Gateway.capabilities (no parse: the FFI round trip)" to best(n) { gw.capabilities() },
        "StatusParser.parseText (100 answers/call, per answer)" to best(n / 100) { parser.parseText(batch) } / 100,
    )
    println("kotlin: PayStar status answer (${BODY.length} bytes), parse + normalize, best of 5 x $n calls, thread CPU time")
    println("%-52s %8.2f µs/call".format("reference (org.json + status table)", refUs))
    for ((name, us) in rows) println("%-52s %8.2f µs/call  %5.2fx reference".format(name, us, us / refUs))
}
