#!/usr/bin/python3
"""Helpers for samples/lab/make-samples.sh (TunnelLens lab captures).

Every sub-command runs *inside* a network namespace created by make-samples.sh
(via `ip netns exec`), or works on files in the lab's work directory.  Nothing
here opens a socket towards an address that is not inside those namespaces:
the addresses are passed in by the script and all belong to its own veths.

Sub-commands
  tslog         prefix every stdin line with the epoch time it was read
  tcp-server    tiny line-echo TCP server that names itself and logs clients
  tcp-client    N short TCP exchanges (connect, send a line, read reply, close)
  http-server   HTTP/1.0 server whose header and body name the server; logs
                every connection (requests and health-check probes)
  http-client   N HTTP requests to a VIP, a new connection each, logs results
  healthcheck   keepalived-TCP_CHECK emulation driving an nftables DNAT rule
  snmp          print /proc/net/snmp Ip counters of the current netns as JSON
  truth         build truth.json for one scenario from params + logs
  texts         write the CLI-style text files (onevnet show, openstack ...)

Every loop is bounded in count and in time.
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time


def now():
    return time.time()


def jdump(obj, fh):
    fh.write(json.dumps(obj, sort_keys=False) + "\n")
    fh.flush()


# --------------------------------------------------------------------- tslog
def cmd_tslog(a):
    out = open(a.out, "a", buffering=1)
    deadline = now() + a.max_seconds
    for line in sys.stdin:  # ends when the producer (keepalived) exits
        out.write("%.6f %s" % (now(), line if line.endswith("\n") else line + "\n"))
        if now() > deadline:
            break
    out.close()


# --------------------------------------------------------------- tcp server
def _serve_forever(sock, handler, max_seconds):
    sock.settimeout(0.5)
    deadline = now() + max_seconds
    while now() < deadline:
        try:
            conn, peer = sock.accept()
        except socket.timeout:
            continue
        threading.Thread(target=handler, args=(conn, peer), daemon=True).start()


def cmd_tcp_server(a):
    log = open(a.log, "a", buffering=1)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((a.bind, a.port))
    s.listen(16)

    def handle(conn, peer):
        conn.settimeout(3)
        data = b""
        try:
            while b"\n" not in data and len(data) < 4096:
                chunk = conn.recv(1024)
                if not chunk:
                    break
                data += chunk
            reply = ("hello from %s\n" % a.name).encode()
            conn.sendall(reply)
        except OSError as e:
            jdump({"t": now(), "peer": "%s:%d" % peer, "error": str(e)}, log)
        finally:
            conn.close()
        jdump({"t": now(), "server": a.name, "peer_ip": peer[0], "peer_port": peer[1],
               "received": data.decode(errors="replace").strip(), "sent": reply.decode().strip()}, log)

    _serve_forever(s, handle, a.max_seconds)


def cmd_tcp_client(a):
    log = open(a.log, "a", buffering=1)
    for i in range(a.count):
        rec = {"t_start": now(), "seq": i + 1, "dst": "%s:%d" % (a.host, a.port)}
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(3)
        try:
            s.connect((a.host, a.port))
            rec["client_port"] = s.getsockname()[1]
            msg = "hello from %s #%d\n" % (a.name, i + 1)
            s.sendall(msg.encode())
            rec["sent"] = msg.strip()
            data = b""
            while True:
                chunk = s.recv(1024)
                if not chunk:
                    break
                data += chunk
            rec["received"] = data.decode(errors="replace").strip()
            rec["ok"] = True
        except OSError as e:
            rec["ok"] = False
            rec["error"] = type(e).__name__ + ": " + str(e)
        finally:
            s.close()
        rec["t_end"] = now()
        jdump(rec, log)
        time.sleep(a.interval)


# -------------------------------------------------------------- http server
def cmd_http_server(a):
    log = open(a.log, "a", buffering=1)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((a.bind, a.port))
    s.listen(32)
    jdump({"t": now(), "event": "listening", "server": a.name, "addr": "%s:%d" % (a.bind, a.port)}, log)
    counter = {"n": 0}
    lock = threading.Lock()

    def handle(conn, peer):
        conn.settimeout(2)
        data = b""
        t0 = now()
        try:
            while b"\r\n\r\n" not in data and len(data) < 8192:
                chunk = conn.recv(2048)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
        if not data:
            # keepalived TCP_CHECK style probe: connect + close, no request
            jdump({"t": t0, "kind": "probe", "server": a.name, "peer_ip": peer[0], "peer_port": peer[1]}, log)
            conn.close()
            return
        line = data.split(b"\r\n", 1)[0].decode(errors="replace")
        with lock:
            counter["n"] += 1
            n = counter["n"]
        body = "served-by=%s request=%d path=%s\n" % (a.name, n, line.split(" ")[1] if " " in line else "?")
        resp = ("HTTP/1.0 200 OK\r\nServer: tunnellens-lab\r\nX-Served-By: %s\r\n"
                "Content-Type: text/plain\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
                % (a.name, len(body), body))
        try:
            conn.sendall(resp.encode())
        except OSError:
            pass
        conn.close()
        jdump({"t": t0, "kind": "http", "server": a.name, "peer_ip": peer[0], "peer_port": peer[1],
               "request_line": line, "served_count": n}, log)

    _serve_forever(s, handle, a.max_seconds)


def cmd_http_client(a):
    log = open(a.log, "a", buffering=1)
    used_ports = set()
    t_first = now()
    for i in range(a.count):
        # keep a fixed schedule: request i starts at t_first + i*interval
        delay = t_first + i * a.interval - now()
        if delay > 0:
            time.sleep(delay)
        rec = {"seq": i + 1, "t_start": now(), "dst": "%s:%d" % (a.host, a.port)}
        # one fresh ephemeral port per request, never reused within the run
        # (the server closes first, so the client keeps no TIME_WAIT and the
        # kernel could otherwise hand the same port out again)
        for _attempt in range(50):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind((a.bind, 0))
            if s.getsockname()[1] not in used_ports:
                break
            s.close()
        s.settimeout(a.timeout)
        rec["client_port"] = s.getsockname()[1]
        used_ports.add(rec["client_port"])
        try:
            s.connect((a.host, a.port))
            req = "GET /req-%d HTTP/1.0\r\nHost: %s\r\nUser-Agent: tunnellens-lab\r\n\r\n" % (i + 1, a.host)
            s.sendall(req.encode())
            data = b""
            while len(data) < 65536:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            text = data.decode(errors="replace")
            head, _, body = text.partition("\r\n\r\n")
            rec["status_line"] = head.split("\r\n", 1)[0]
            m = re.search(r"^X-Served-By: (\S+)", head, re.M)
            rec["header_served_by"] = m.group(1) if m else None
            m = re.search(r"served-by=(\S+)", body)
            rec["body_served_by"] = m.group(1) if m else None
            rec["body"] = body.strip()
            rec["ok"] = True
        except OSError as e:
            rec["ok"] = False
            rec["error"] = type(e).__name__
            rec["error_text"] = str(e)
        finally:
            s.close()
        rec["t_end"] = now()
        jdump(rec, log)


# -------------------------------------------------------------- healthcheck
def nft_apply(table, chain, vip, port, pool, sorry):
    """Rewrite the DNAT rule: round robin over `pool`, or the sorry server."""
    if len(pool) >= 2:
        m = ", ".join("%d : %s" % (i, ip) for i, (_, ip) in enumerate(pool))
        target = "dnat to numgen inc mod %d map { %s }" % (len(pool), m)
    elif len(pool) == 1:
        target = "dnat to %s" % pool[0][1]
    else:
        target = "dnat to %s" % sorry
    script = ("flush chain ip %s %s\n"
              "add rule ip %s %s ip daddr %s tcp dport %d %s\n" % (table, chain, table, chain, vip, port, target))
    subprocess.run(["nft", "-f", "-"], input=script.encode(), check=True, timeout=10)
    return target


def cmd_healthcheck(a):
    """keepalived TCP_CHECK emulation: every delay_loop seconds connect to
    each real server (connect_timeout), close.  A failed check removes the
    server from the DNAT pool, a successful one (re)adds it; an empty pool
    sends the VIP to the sorry server (keepalived `sorry_server`)."""
    log = open(a.log, "a", buffering=1)
    servers = [tuple(x.split("=", 1)) for x in a.servers.split(",")]
    alive = {name: True for name, _ in servers}
    pool = [(n, ip) for n, ip in servers]
    t_apply = now()
    target = nft_apply(a.table, a.chain, a.vip, a.port, pool, a.sorry)
    jdump({"t": now(), "t_apply": t_apply, "event": "pool", "pool": [n for n, _ in pool], "rule": target}, log)
    deadline = now() + a.max_seconds
    rounds = 0
    while now() < deadline and rounds < 10000:
        rounds += 1
        t_round = now()
        changed = False
        for name, ip in servers:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(a.connect_timeout)
            t = now()
            try:
                s.connect((ip, a.port))
                ok, err = True, None
            except OSError as e:
                ok, err = False, type(e).__name__
            finally:
                s.close()
            rec = {"t": t, "event": "check", "server": name, "ip": ip, "ok": ok}
            if err:
                rec["error"] = err
            jdump(rec, log)
            if ok != alive[name]:
                alive[name] = ok
                changed = True
                jdump({"t": now(), "event": "up" if ok else "down", "server": name}, log)
        if changed:
            pool = [(n, ip) for n, ip in servers if alive[n]]
            t_apply = now()
            target = nft_apply(a.table, a.chain, a.vip, a.port, pool, a.sorry)
            # the new rule took effect somewhere in [t_apply, t]
            jdump({"t": now(), "t_apply": t_apply, "event": "pool", "pool": [n for n, _ in pool], "rule": target}, log)
        sleep = t_round + a.delay_loop - now()
        if sleep > 0:
            time.sleep(sleep)


def cmd_snmp(a):
    lines = open("/proc/net/snmp").read().splitlines()
    out = {}
    for i in range(0, len(lines) - 1, 2):
        k = lines[i].split()
        v = lines[i + 1].split()
        if k[0] == "Ip:":
            out = {kk: int(vv) for kk, vv in zip(k[1:], v[1:])}
    print(json.dumps(out))


# -------------------------------------------------------------------- truth
def read_jsonl(path):
    if not os.path.exists(path):
        return []
    out = []
    for line in open(path):
        line = line.strip()
        if line:
            out.append(json.loads(line))
    return out


def parse_ping(path):
    txt = open(path).read()
    m = re.search(r"(\d+) packets transmitted, (\d+) received", txt)
    return {"transmitted": int(m.group(1)), "received": int(m.group(2))} if m else None


def parse_keepalived(path, who):
    """Return state transitions from a tslog'ed keepalived console log."""
    ev = []
    last = {}
    if not os.path.exists(path):
        return ev
    for line in open(path):
        m = re.match(r"^(\d+\.\d+) (.*)$", line.rstrip("\n"))
        if not m:
            continue
        t, msg = float(m.group(1)), m.group(2)
        # keepalived's own console timestamp (1 s resolution) as a cross-check
        kt = None
        km = re.match(r"^\w{3} (\w{3} +\d+ \d\d:\d\d:\d\d \d{4}): ", msg)
        if km:
            try:
                kt = time.mktime(time.strptime(km.group(1), "%b %d %H:%M:%S %Y"))
            except ValueError:
                kt = None
            if kt is not None and abs(t - kt) > 2.0:
                raise SystemExit("keepalived log line arrived %.1f s after its own timestamp: %s" % (t - kt, msg))
            msg = msg[km.end():]
        s = re.search(r"\((\w+)\):? Entering (\w+) STATE", msg, re.I)
        if s:
            key, state = s.group(1), s.group(2).upper()
            if last.get(key) != state:  # keepalived logs FAULT twice
                ev.append({"t": t, "router": who, "instance": key, "state": state,
                           "log": msg.strip(), "keepalived_time": kt})
            last[key] = state
            continue
        s = re.search(r"\((\w+)\) (sent 0 priority|Received advert from .* with lower priority.*|"
                      r"Master received advert from .*|received lower priority advert.*|"
                      r"Backup received priority 0 advertisement)", msg)
        if s:
            ev.append({"t": t, "router": who, "instance": s.group(1), "event": s.group(2), "log": msg.strip()})
            continue
        if re.search(r"Stopping|Stopped Keepalived|Starting VRRP child|Starting Keepalived", msg):
            if "Starting Keepalived" in msg:
                last = {}
            ev.append({"t": t, "router": who, "event": "daemon", "log": msg.strip()})
    return ev


def cmd_truth(a):
    work = a.work
    p = json.load(open(os.path.join(work, "params.json")))
    truth = {"scenario": p["scenario"], "variant": p["variant"],
             "generated_by": "samples/lab/make-samples.sh (labtool.py truth)",
             "generated_at_epoch": now()}
    truth.update(p.get("static", {}))
    caps = p.get("captures", [])
    stats = {}
    capstats = os.path.join(work, "capture-stats.json")
    if os.path.exists(capstats):
        stats = json.load(open(capstats))
    for c in caps:
        st = stats.get(c["file"])
        if st:
            c["tcpdump_stats"] = st
    truth["captures"] = caps
    ev = {}
    evp = os.path.join(work, "events.jsonl")
    for e in read_jsonl(evp):
        ev.setdefault(e["event"], []).append(e)
    truth["script_events"] = read_jsonl(evp)
    sc = p["scenario"]
    if sc in ("opennebula-8472", "openstack-4789"):
        pings = []
        for pe in p.get("pings", []):
            r = parse_ping(os.path.join(work, pe["log"]))
            pe = dict(pe)
            pe.update(r or {"transmitted": None, "received": None})
            pings.append(pe)
        truth["pings"] = pings
        tcp = read_jsonl(os.path.join(work, "tcp-client.jsonl"))
        srv = read_jsonl(os.path.join(work, "tcp-server.jsonl"))
        truth["tcp"] = {"server": p["tcp"]["server"], "port": p["tcp"]["port"], "client": p["tcp"]["client"],
                        "connections_attempted": len(tcp),
                        "connections_ok": sum(1 for r in tcp if r.get("ok")),
                        "client_log": tcp, "server_log": srv}
        nb = {}
        for f in sorted(os.listdir(work)):
            if f.startswith("neigh-") and f.endswith(".txt"):
                nb[f[6:-4]] = [l for l in open(os.path.join(work, f)).read().splitlines() if l.strip()]
        truth["neighbour_tables_after"] = nb
        if sc == "openstack-4789":
            ov = p["oversize"]
            r = parse_ping(os.path.join(work, ov["log"]))
            before = json.load(open(os.path.join(work, "snmp-before.json")))
            after = json.load(open(os.path.join(work, "snmp-after.json")))
            delta = {}
            for node in before:
                delta[node] = {k: after[node][k] - before[node][k]
                               for k in ("FragCreates", "FragOKs", "FragFails", "ReasmReqds", "ReasmOKs",
                                         "ReasmFails", "OutDiscards")}
            ov = dict(ov)
            ov["ping"] = r
            ov["kernel_ip_counter_delta"] = delta
            src_node = ov["sender_node"]
            if delta[src_node]["FragCreates"] > 0 and r and r["received"] == r["transmitted"]:
                ov["fate"] = "fragmented"
                ov["fate_detail"] = ("outer IPv4 (VXLAN/UDP) packet fragmented by %s (FragCreates +%d), "
                                     "reassembled by the peer, echo answered" % (src_node, delta[src_node]["FragCreates"]))
            elif delta[src_node]["FragCreates"] > 0:
                ov["fate"] = "fragmented"
                ov["fate_detail"] = "outer packet fragmented (FragCreates +%d) but no echo reply" % delta[src_node]["FragCreates"]
            else:
                ov["fate"] = "dropped"
                ov["fate_detail"] = "no outer fragments created; ping %s" % (r,)
            truth["oversize_packet"] = ov
    elif sc in ("keepalived-vrrp", "vrrp-split-brain"):
        timeline = []
        for who in p["routers"]:
            timeline += parse_keepalived(os.path.join(work, "keepalived-%s.log" % who), who)
        timeline.sort(key=lambda e: e["t"])
        truth["keepalived_log_events"] = timeline
        states = [e for e in timeline if "state" in e]
        truth["state_transitions"] = states
        # master periods per instance, derived from the transitions
        periods = {}
        for inst in p["static"]["vrrp_instances"]:
            name = inst["name"]
            cur = {}
            per = []
            for e in timeline:
                r = e["router"]
                if e.get("instance") == name and "state" in e:
                    if e["state"] == "MASTER":
                        cur.setdefault(r, e["t"])
                    elif r in cur:
                        per.append({"router": r, "from": cur.pop(r), "to": e["t"], "ended_by": "entered " + e["state"]})
                elif e.get("event") == "daemon" and "Stopping" in e["log"] and r in cur:
                    # keepalived stopping: it sends priority 0 and drops the VIP
                    per.append({"router": r, "from": cur.pop(r), "to": e["t"], "ended_by": "keepalived stopped"})
            for r, t0 in cur.items():
                per.append({"router": r, "from": t0, "to": None, "ended_by": None})
            periods[name] = sorted(per, key=lambda x: x["from"])
        truth["master_periods"] = periods
    elif sc in ("lvs-nat", "lvs-nat-direct-reply"):
        client = read_jsonl(os.path.join(work, "http-client.jsonl"))
        slog = {}
        for name in p["static"]["server_names"]:
            for r in read_jsonl(os.path.join(work, "http-%s.jsonl" % name)):
                if r.get("kind") == "http":
                    slog[(r["peer_ip"], r["peer_port"])] = r
        reqs = []
        for r in client:
            s = slog.get((p["static"]["client"]["ip"], r["client_port"]))
            reqs.append({"seq": r["seq"], "client_port": r["client_port"], "t_start": r["t_start"],
                         "t_end": r["t_end"], "ok": r["ok"],
                         "answered_by": r.get("body_served_by"),
                         "header_served_by": r.get("header_served_by"),
                         "server_log_served_by": s["server"] if s else None,
                         "status_line": r.get("status_line"),
                         "error": r.get("error")})
        truth["requests"] = reqs
        hc = read_jsonl(os.path.join(work, "healthcheck.jsonl"))
        counts = {}
        for h in hc:
            if h["event"] == "check":
                c = counts.setdefault(h["server"], {"checks": 0, "ok": 0, "failed": 0})
                c["checks"] += 1
                c["ok" if h["ok"] else "failed"] += 1
        probes = {}
        for name in p["static"]["server_names"]:
            probes[name] = sum(1 for r in read_jsonl(os.path.join(work, "http-%s.jsonl" % name))
                               if r.get("kind") == "probe")
        truth["health_checks"] = {"per_server": counts, "probes_logged_by_servers": probes,
                                  "pool_changes": [h for h in hc if h["event"] in ("pool", "up", "down")],
                                  "log": hc}
        truth["server_logs"] = {name: read_jsonl(os.path.join(work, "http-%s.jsonl" % name))
                                for name in p["static"]["server_names"]}
    json.dump(truth, open(a.out, "w"), indent=2)
    open(a.out, "a").write("\n")


# -------------------------------------------------------------------- texts
def table(rows):
    w1 = max(len("Field"), max(len(k) for k, _ in rows))
    w2 = max(len("Value"), max(len(v) for _, v in rows))
    sep = "+" + "-" * (w1 + 2) + "+" + "-" * (w2 + 2) + "+"
    out = [sep, "| %-*s | %-*s |" % (w1, "Field", w2, "Value"), sep]
    out += ["| %-*s | %-*s |" % (w1, k, w2, v) for k, v in rows]
    out.append(sep)
    return "\n".join(out) + "\n"


def cmd_texts(a):
    p = json.load(open(a.params))
    st = p["static"]
    if p["scenario"] == "opennebula-8472":
        vn = st["onevnet"]
        vms = st["vms"]
        lines = [
            "VIRTUAL NETWORK %d INFORMATION" % vn["id"],
            "ID                       : %d" % vn["id"],
            "NAME                     : %s" % vn["name"],
            "USER                     : oneadmin",
            "GROUP                    : oneadmin",
            "LOCK                     : None",
            "CLUSTERS                 : 0",
            "BRIDGE                   : %s" % st["bridge"],
            "STATE                    : READY",
            "VN_MAD                   : vxlan",
            "PHYSICAL DEVICE          : %s" % st["underlay_nic"],
            "VLAN ID                  : %d" % st["vni"],
            "USED LEASES              : %d" % len(vms),
            "",
            "PERMISSIONS",
            "OWNER                    : um-",
            "GROUP                    : ---",
            "OTHER                    : ---",
            "",
            "VIRTUAL NETWORK TEMPLATE",
            'BRIDGE="%s"' % st["bridge"],
            'BRIDGE_TYPE="linux"',
            'MTU="%d"' % st["vm_mtu"],
            'OUTER_VLAN_ID=""',
            'PHYDEV="%s"' % st["underlay_nic"],
            'SECURITY_GROUPS="0"',
            'VLAN_ID="%d"' % st["vni"],
            'VN_MAD="vxlan"',
            'VXLAN_MC="%s"' % st["multicast_base"],
            "",
            "ADDRESS RANGE POOL",
            "AR 0",
            "SIZE           : %d" % len(vms),
            "LEASES         : %d" % len(vms),
            "",
            "RANGE                                   FIRST                               LAST",
            "MAC                         %s                  %s" % (vms[0]["mac"], vms[-1]["mac"]),
            "IP                          %15s                 %15s" % (vms[0]["ip"], vms[-1]["ip"]),
            "",
            "LEASES",
            "AR  OWNER                         MAC              IP                        IP6",
        ]
        for vm in vms:
            lines.append("0   V:%-25d %s %-15s           -" % (vm["vm_id"], vm["mac"], vm["ip"]))
        open(os.path.join(a.dir, "onevnet-show.txt"), "w").write("\n".join(lines) + "\n")
    elif p["scenario"] == "openstack-4789":
        net = st["network"]
        rows = [("admin_state_up", "UP"), ("availability_zone_hints", ""), ("availability_zones", "nova"),
                ("created_at", "2025-11-20T09:12:44Z"), ("description", ""), ("dns_domain", "None"),
                ("id", net["id"]), ("ipv4_address_scope", "None"), ("ipv6_address_scope", "None"),
                ("is_default", "None"), ("is_vlan_transparent", "None"), ("mtu", str(st["network_mtu"])),
                ("name", net["name"]), ("port_security_enabled", "True"), ("project_id", net["project_id"]),
                ("provider:network_type", "vxlan"), ("provider:physical_network", "None"),
                ("provider:segmentation_id", str(st["vni"])), ("qos_policy_id", "None"),
                ("revision_number", "2"), ("router:external", "Internal"), ("segments", "None"),
                ("shared", "False"), ("status", "ACTIVE"), ("subnets", net["subnet_id"]), ("tags", ""),
                ("updated_at", "2025-11-20T09:12:46Z")]
        open(os.path.join(a.dir, "openstack-network-show.txt"), "w").write(table(rows))
        vni = st["vni"]
        port = "vxlan-%s" % "".join("%02x" % int(o) for o in st["vtep_ips"]["compute2"].split("."))
        c = a.counters and json.load(open(a.counters)) or {}
        rxp, txp = c.get("rx_packets", 0), c.get("tx_packets", 0)
        ck = "0x5f1c2a9e4b7d3c10"
        flows = [
            ' cookie=%s, duration=%.3fs, table=0, n_packets=%d, n_bytes=%d, priority=1,in_port="patch-int" actions=resubmit(,2)' % (ck, a.duration, txp, c.get("tx_bytes", 0)),
            ' cookie=%s, duration=%.3fs, table=0, n_packets=%d, n_bytes=%d, priority=1,in_port="%s" actions=resubmit(,4)' % (ck, a.duration, rxp, c.get("rx_bytes", 0), port),
            ' cookie=%s, duration=%.3fs, table=0, n_packets=0, n_bytes=0, priority=0 actions=drop' % (ck, a.duration),
            ' cookie=%s, duration=%.3fs, table=2, n_packets=0, n_bytes=0, priority=0,dl_dst=00:00:00:00:00:00/01:00:00:00:00:00 actions=resubmit(,20)' % (ck, a.duration),
            ' cookie=%s, duration=%.3fs, table=2, n_packets=0, n_bytes=0, priority=0,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00 actions=resubmit(,22)' % (ck, a.duration),
            ' cookie=%s, duration=%.3fs, table=3, n_packets=0, n_bytes=0, priority=0 actions=drop' % (ck, a.duration),
            ' cookie=%s, duration=%.3fs, table=4, n_packets=%d, n_bytes=%d, priority=1,tun_id=0x%x actions=mod_vlan_vid:%d,resubmit(,10)' % (ck, a.duration, rxp, c.get("rx_bytes", 0), vni, st["local_vlan"]),
            ' cookie=%s, duration=%.3fs, table=4, n_packets=0, n_bytes=0, priority=0 actions=drop' % (ck, a.duration),
            ' cookie=%s, duration=%.3fs, table=6, n_packets=0, n_bytes=0, priority=0 actions=drop' % (ck, a.duration),
            ' cookie=%s, duration=%.3fs, table=10, n_packets=%d, n_bytes=%d, priority=1 actions=learn(table=20,hard_timeout=300,priority=1,cookie=%s,NXM_OF_VLAN_TCI[0..11],NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],load:0->NXM_OF_VLAN_TCI[],load:NXM_NX_TUN_ID[]->NXM_NX_TUN_ID[],output:OXM_OF_IN_PORT[]),output:"patch-int"' % (ck, a.duration, rxp, c.get("rx_bytes", 0), ck),
            ' cookie=%s, duration=%.3fs, table=20, n_packets=0, n_bytes=0, priority=2,dl_vlan=%d,dl_dst=%s actions=strip_vlan,load:0x%x->NXM_NX_TUN_ID[],output:"%s"' % (ck, a.duration, st["local_vlan"], st["vms"][1]["mac"], vni, port),
            ' cookie=%s, duration=%.3fs, table=20, n_packets=0, n_bytes=0, priority=0 actions=resubmit(,22)' % (ck, a.duration),
            ' cookie=%s, duration=%.3fs, table=22, n_packets=0, n_bytes=0, priority=1,dl_vlan=%d actions=strip_vlan,set_tunnel:0x%x,output:"%s"' % (ck, a.duration, st["local_vlan"], vni, port),
            ' cookie=%s, duration=%.3fs, table=22, n_packets=0, n_bytes=0, priority=0 actions=drop' % (ck, a.duration),
        ]
        open(os.path.join(a.dir, "ovs-ofctl-dump-flows-br-tun.txt"), "w").write("\n".join(flows) + "\n")


def main():
    ap = argparse.ArgumentParser()
    sp = ap.add_subparsers(dest="cmd", required=True)
    x = sp.add_parser("tslog"); x.add_argument("--out", required=True); x.add_argument("--max-seconds", type=float, default=900)
    x = sp.add_parser("tcp-server")
    for k in ("name", "bind", "log"):
        x.add_argument("--" + k, required=True)
    x.add_argument("--port", type=int, required=True); x.add_argument("--max-seconds", type=float, default=600)
    x = sp.add_parser("tcp-client")
    for k in ("name", "host", "log"):
        x.add_argument("--" + k, required=True)
    x.add_argument("--port", type=int, required=True); x.add_argument("--count", type=int, default=1)
    x.add_argument("--interval", type=float, default=0.3)
    x = sp.add_parser("http-server")
    for k in ("name", "bind", "log"):
        x.add_argument("--" + k, required=True)
    x.add_argument("--port", type=int, default=80); x.add_argument("--max-seconds", type=float, default=600)
    x = sp.add_parser("http-client")
    for k in ("host", "bind", "log"):
        x.add_argument("--" + k, required=True)
    x.add_argument("--port", type=int, default=80); x.add_argument("--count", type=int, required=True)
    x.add_argument("--interval", type=float, required=True); x.add_argument("--timeout", type=float, default=2.0)
    x = sp.add_parser("healthcheck")
    for k in ("servers", "sorry", "vip", "log", "table", "chain"):
        x.add_argument("--" + k, required=True)
    x.add_argument("--port", type=int, default=80); x.add_argument("--delay-loop", type=float, default=1.0)
    x.add_argument("--connect-timeout", type=float, default=1.0); x.add_argument("--max-seconds", type=float, default=300)
    sp.add_parser("snmp")
    x = sp.add_parser("truth"); x.add_argument("--work", required=True); x.add_argument("--out", required=True)
    x = sp.add_parser("texts"); x.add_argument("--params", required=True); x.add_argument("--dir", required=True)
    x.add_argument("--counters"); x.add_argument("--duration", type=float, default=0.0)
    a = ap.parse_args()
    {"tslog": cmd_tslog, "tcp-server": cmd_tcp_server, "tcp-client": cmd_tcp_client,
     "http-server": cmd_http_server, "http-client": cmd_http_client, "healthcheck": cmd_healthcheck,
     "snmp": cmd_snmp, "truth": cmd_truth, "texts": cmd_texts}[a.cmd](a)


if __name__ == "__main__":
    main()
