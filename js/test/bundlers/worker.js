import { Gateway } from "pspkit";
import { check } from "./check.js";

try {
  postMessage(check(Gateway));
} catch (e) {
  postMessage({ error: String(e) });
}
