package org.tunnellens.dissect;

import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.x: the request line (method, URI, version) and the status line (code, phrase) of a segment that starts a
 * message, and the body's media type named as tshark names it. Enough for the LVS views, which show which real
 * server answered which request.
 */
public final class Http implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("http", "Hypertext Transfer Protocol");
    public static final FieldDef REQUEST = FieldRegistry.flag("http.request", "Request");
    public static final FieldDef RESPONSE = FieldRegistry.flag("http.response", "Response");
    public static final FieldDef METHOD = FieldRegistry.string("http.request.method", "Request Method");
    public static final FieldDef URI = FieldRegistry.string("http.request.uri", "Request URI");
    public static final FieldDef VERSION = FieldRegistry.string("http.request.version", "Request Version");
    public static final FieldDef RESPONSE_VERSION = FieldRegistry.string("http.response.version", "Response Version");
    public static final FieldDef CODE = FieldRegistry.uint("http.response.code", "Status Code");
    public static final FieldDef PHRASE = FieldRegistry.string("http.response.phrase", "Response Phrase");
    public static final FieldDef HOST = FieldRegistry.string("http.host", "Host");
    public static final FieldDef SERVER = FieldRegistry.string("http.server", "Server");
    public static final FieldDef CONTENT_TYPE = FieldRegistry.string("http.content_type", "Content-Type");
    public static final FieldDef CONTENT_LENGTH = FieldRegistry.uint("http.content_length", "Content length");
    public static final FieldDef LINE = FieldRegistry.string("http.line", "Header line");
    public static final FieldDef TEXT_LINES = FieldRegistry.protocol("data-text-lines", "Line-based text data");
    public static final FieldDef JSON = FieldRegistry.protocol("json", "JavaScript Object Notation");
    public static final FieldDef XML = FieldRegistry.protocol("xml", "eXtensible Markup Language");
    public static final FieldDef FORM = FieldRegistry.protocol("urlencoded-form", "HTML Form URL Encoded");
    static final Http INSTANCE = new Http();

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
