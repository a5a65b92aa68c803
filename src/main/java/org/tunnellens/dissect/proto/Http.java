package org.tunnellens.dissect.proto;

import java.nio.charset.StandardCharsets;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.TcpdumpPrinter;
import org.tunnellens.dissect.column.FieldFormatter;

/**
 * HTTP/1.x: the request line (method, URI, version) and the status line (code, phrase) of a segment that starts a
 * message, and the body's media type named as tshark names it. Enough for the LVS views, which show which real
 * server answered which request.
 */
public final class Http extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("http", "Hypertext Transfer Protocol");
    public static final FieldDef REQUEST = F.flag("http.request", "Request");
    public static final FieldDef RESPONSE = F.flag("http.response", "Response");
    public static final FieldDef METHOD = F.string("http.request.method", "Request Method");
    public static final FieldDef URI = F.string("http.request.uri", "Request URI");
    public static final FieldDef VERSION = F.string("http.request.version", "Request Version");
    public static final FieldDef RESPONSE_VERSION = F.string("http.response.version", "Response Version");
    public static final FieldDef CODE = F.uint("http.response.code", "Status Code");
    public static final FieldDef PHRASE = F.string("http.response.phrase", "Response Phrase");
    public static final FieldDef HOST = F.string("http.host", "Host");
    public static final FieldDef SERVER = F.string("http.server", "Server");
    public static final FieldDef CONTENT_TYPE = F.string("http.content_type", "Content-Type");
    public static final FieldDef CONTENT_LENGTH = F.uint("http.content_length", "Content length");
    public static final FieldDef LINE = F.string("http.line", "Header line");
    public static final FieldDef TEXT_LINES = F.protocol("data-text-lines", "Line-based text data");
    public static final FieldDef JSON = F.protocol("json", "JavaScript Object Notation");
    public static final FieldDef XML = F.protocol("xml", "eXtensible Markup Language");
    public static final FieldDef FORM = F.protocol("urlencoded-form", "HTML Form URL Encoded");
    public static final Http INSTANCE = new Http();

    private Http() {
        super(F);
    }

    private static final String[] METHODS = {"GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "CONNECT ",
        "PATCH ", "TRACE "};

    static boolean looksLikeHttp(Dissection d, int off, int end) {
        if (end - off < 8) {
            return false;
        }
        if (startsWith(d, off, end, "HTTP/1.")) {
            return true;
        }
        for (String m : METHODS) {
            if (startsWith(d, off, end, m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(Dissection d, int off, int end, String s) {
        if (end - off < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (d.u8(off + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.tcpPort(80, this);
        h.tcpPort(8080, this);
        h.heuristic("tcp", "http_tcp", "HTTP on any TCP port", Http::looksLikeHttp, this);
        h.decodeAs("http", this);
    }

    /** The body types Http opens (text lines, JSON, forms) show as HTTP too, as in Wireshark's list. */
    @Override
    public String columnName(Dissection d, int occ) {
        return "HTTP";
    }

    /** Wireshark 4.0's HTTP Info ends with a space (the first line's CRLF turned into one). */
    @Override
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        if (d.field(occ) != PROTO) {
            return false;
        }
        int m = d.next(METHOD, occ);
        int c = d.next(CODE, occ);
        if (m >= 0) {
            sb.append(FieldFormatter.value(d, m)).append(' ').append(FieldFormatter.value(d, d.next(URI, occ)))
                    .append(' ').append(FieldFormatter.value(d, d.next(VERSION, occ))).append(' ');
            appendBodyType(d, occ, sb);
            return true;
        }
        if (c >= 0) {
            sb.append(FieldFormatter.value(d, d.next(RESPONSE_VERSION, occ))).append(' ').append(d.value(c));
            int ph = d.next(PHRASE, occ);
            if (ph >= 0) {
                sb.append(' ').append(FieldFormatter.value(d, ph));
            }
            sb.append(' ');
            appendBodyType(d, occ, sb);
            return true;
        }
        return false;
    }

    /**
     * The body's media dissector adds its type, as Wireshark's do: "(text/plain)" after a space for text lines and
     * form data, ", JavaScript Object Notation (application/json)" for JSON.
     */
    private static void appendBodyType(Dissection d, int httpOcc, StringBuilder sb) {
        int layer = d.layerOf(httpOcc) + 1;
        int type = d.nextInLayer(CONTENT_TYPE, httpOcc);
        if (layer >= d.layerCount() || type < 0) {
            return;
        }
        FieldDef body = d.layerProtocol(layer);
        String media = FieldFormatter.value(d, type);
        int semi = media.indexOf(';');
        media = (semi >= 0 ? media.substring(0, semi) : media).strip().toLowerCase(java.util.Locale.ROOT);
        if (body == TEXT_LINES || body == FORM) {
            sb.append(" (").append(media).append(')');
        } else if (body == JSON) {
            sb.append(", JavaScript Object Notation (").append(media).append(')');
        }
    }

    /** tcpdump's http_print after a segment's length: ": HTTP", and ": " with the first line when it is one. */
    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        sb.append(": HTTP");
        int start = d.start(occ);
        int end = start + d.length(occ);
        if (looksLikeHttp(d, start, end)) {
            int le = lineEnd(d, start, end);
            sb.append(": ").append(new String(d.copy(start, le - start), StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        int occ = d.beginLayer(PROTO, off, end - off);
        if (!looksLikeHttp(d, off, end)) {
            return; // a continuation (body bytes); tshark names it http too on an HTTP port
        }
        int lineEnd = lineEnd(d, off, end);
        boolean response = startsWith(d, off, end, "HTTP/1.");
        if (response) {
            d.addGenerated(RESPONSE, 1);
            int sp1 = indexOf(d, off, lineEnd, ' ');
            if (sp1 > 0) {
                d.add(RESPONSE_VERSION, off, sp1 - off, 0);
                int codeEnd = indexOf(d, sp1 + 1, lineEnd, ' ');
                if (codeEnd < 0) {
                    codeEnd = lineEnd;
                }
                long code = parseInt(d, sp1 + 1, codeEnd);
                if (code >= 0) {
                    d.add(CODE, sp1 + 1, codeEnd - sp1 - 1, code);
                }
                if (codeEnd < lineEnd) {
                    d.add(PHRASE, codeEnd + 1, lineEnd - codeEnd - 1, 0);
                }
            }
        } else {
            d.addGenerated(REQUEST, 1);
            int sp1 = indexOf(d, off, lineEnd, ' ');
            int sp2 = sp1 < 0 ? -1 : indexOf(d, sp1 + 1, lineEnd, ' ');
            if (sp1 > 0 && sp2 > 0) {
                d.add(METHOD, off, sp1 - off, 0);
                d.add(URI, sp1 + 1, sp2 - sp1 - 1, 0);
                d.add(VERSION, sp2 + 1, lineEnd - sp2 - 1, 0);
            }
        }
        // header lines up to the blank line
        int p = skipEol(d, lineEnd, end);
        int bodyType = 0;
        long contentLength = -1;
        for (int i = 0; i < 100 && p < end; i++) {
            int le = lineEnd(d, p, end);
            if (le == p) {
                p = skipEol(d, le, end);
                int bodyLen = end - p;
                if (bodyLen > 0) {
                    FieldDef body = switch (bodyType) {
                        case 1 -> TEXT_LINES;
                        case 2 -> JSON;
                        case 3 -> XML;
                        case 4 -> FORM;
                        default -> Data.PROTO;
                    };
                    if (body == Data.PROTO) {
                        d.then(Data.INSTANCE, p, end);
                    } else {
                        d.beginLayer(body, p, bodyLen);
                    }
                }
                return;
            }
            d.add(LINE, p, le - p, 0, occ);
            int colon = indexOf(d, p, le, ':');
            if (colon > 0) {
                int v = colon + 1;
                while (v < le && d.u8(v) == ' ') {
                    v++;
                }
                if (headerIs(d, p, colon, "host")) {
                    d.add(HOST, v, le - v, 0);
                } else if (headerIs(d, p, colon, "server")) {
                    d.add(SERVER, v, le - v, 0);
                } else if (headerIs(d, p, colon, "content-length")) {
                    contentLength = parseInt(d, v, le);
                    if (contentLength >= 0) {
                        d.add(CONTENT_LENGTH, v, le - v, contentLength);
                    }
                } else if (headerIs(d, p, colon, "content-type")) {
                    d.add(CONTENT_TYPE, v, le - v, 0);
                    bodyType = mediaType(d, v, le);
                }
            }
            if (le >= end) {
                return;
            }
            p = skipEol(d, le, end);
        }
    }

    private static int mediaType(Dissection d, int v, int le) {
        String t = new String(d.copy(v, Math.min(60, le - v)), StandardCharsets.ISO_8859_1).toLowerCase();
        if (t.startsWith("application/json")) {
            return 2;
        }
        if (t.startsWith("application/xml") || t.startsWith("text/xml")) {
            return 3;
        }
        if (t.startsWith("application/x-www-form-urlencoded")) {
            return 4;
        }
        if (t.startsWith("text/")) {
            return 1;
        }
        return 0;
    }

    private static boolean headerIs(Dissection d, int p, int colon, String name) {
        if (colon - p != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.toLowerCase(d.u8(p + i)) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long parseInt(Dissection d, int from, int to) {
        long v = 0;
        if (from >= to || to - from > 12) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            int c = d.u8(i);
            if (c < '0' || c > '9') {
                return i == from ? -1 : v;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int lineEnd(Dissection d, int p, int end) {
        while (p < end && d.u8(p) != '\r' && d.u8(p) != '\n') {
            p++;
        }
        return p;
    }

    private static int skipEol(Dissection d, int p, int end) {
        if (p < end && d.u8(p) == '\r') {
            p++;
        }
        if (p < end && d.u8(p) == '\n') {
            p++;
        }
        return p;
    }

    private static int indexOf(Dissection d, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (d.u8(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
