package dev.pspkit

import dev.pspkit.model.Payment
import dev.pspkit.model.PaymentStatus

/*
 * Reading the model as Kotlin developers do. The generated records keep Kotlin's own spelling
 * (`isFinal`, the Boolean-property convention, seen from Java as `isFinal()`); these add the
 * name the JSON, DESIGN.md and the other languages use, so `status.final` reads the same
 * everywhere. (`final` is only a modifier keyword in Kotlin, so it is a valid property name.)
 */

/** `true` once the state can no longer change (succeeded, failed, cancelled, expired, reversed). */
val PaymentStatus.final: Boolean get() = isFinal

/** The payment's [PaymentStatus.isFinal]: no further status call can change it. */
val Payment.isFinal: Boolean get() = status.isFinal
