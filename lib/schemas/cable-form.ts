// The connect form of a Nic: the far end and label cells of cables.csv (csv-cables.ts), so the
// form and an import accept the same hostnames, port names and labels with the same messages.
import { z } from "zod";
import { hostnameCell, nameCell, optionalCell, requiredCell } from "./csv-values";

export const cableFormSchema = z.object({
  b_host: requiredCell(hostnameCell, "Give the hostname of the device at the other end."),
  b_port: requiredCell(nameCell("A port name", 200), "Give the port at the other end."),
  label: optionalCell(nameCell("A cable label", 200)),
});

export type CableFormInput = z.output<typeof cableFormSchema>;
