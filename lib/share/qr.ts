import "server-only";
import QRCode from "qrcode";

// The link as a QR code, an SVG string drawn on the server (no script, no image request), for a phone
// to scan off the operator's screen. Medium error correction: still reads off a smudged screen.
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}
