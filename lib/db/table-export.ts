import "server-only";
import { stringify } from "csv-stringify/sync";
import { guardCell } from "../import/guard";
import type { TableSpec } from "../domain/tables/types";
import { defaultColumns, type TableState } from "../domain/tables/url-state";
import { allTableRows } from "./table-query";

// "Export this view": every row the view's filters select, in its sort, with the columns it shows,
// streamed batch by batch so a 100k-row view never sits in memory whole. Cells are guarded against
// CSV injection as the import's export is (lib/import/guard.ts).
export function tableCsvStream(spec: TableSpec, state: TableState): ReadableStream<Uint8Array> {
  const columns = (state.cols ?? defaultColumns(spec)).map((id) => spec.columns.find((c) => c.id === id)!);
  const encoder = new TextEncoder();
  const batches = allTableRows(spec, state);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([columns.map((c) => c.label)], { record_delimiter: "\r\n" })));
    },
    async pull(controller) {
      const { value, done } = await batches.next();
      if (done) {
        controller.close();
        return;
      }
      const records = value.map((row) => columns.map((c) => guardCell(row.cells[c.id] ?? "")));
      controller.enqueue(encoder.encode(stringify(records, { record_delimiter: "\r\n" })));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
