"""`veille serve`: the local web app over the knowledge base (read-only, localhost unless asked otherwise)."""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
import threading
import webbrowser


def is_loopback(host: str) -> bool:
    """True when every address `host` resolves to is a loopback address."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0].split("%")[0]).is_loopback for i in infos)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from veille.web.app import create_app

    if not is_loopback(args.host) and not args.allow_remote:
        print(f"refusing to listen on {args.host!r}: it is reachable beyond this machine. Pass --allow-remote to "
              "serve the knowledge base to the network.", file=sys.stderr)
        return 2
    try:
        app = create_app(args.db, allowed_hosts=["*"] if args.allow_remote else None)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 1
    shown = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown}:{args.port}/"
    print(f"veille: serving {args.db} read-only on {url} (Ctrl-C to stop)", file=sys.stderr)
    if not args.no_open:
        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False)
    return 0


def add_command(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="serve the knowledge base as a local web app and JSON API",
                              description="Serve search, actor, document and copy pages plus a JSON API (/api, "
                                          "documented at /docs) over the knowledge base, opened read-only.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--no-open", action="store_true", help="do not open a web browser")
    p.add_argument("--allow-remote", action="store_true", help="allow listening on a non-loopback address")
    p.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    p.set_defaults(func=run)
