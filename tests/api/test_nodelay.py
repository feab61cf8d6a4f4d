"""Nagle off on every served connection, also on a socket bound the way uvicorn's `--workers` binds it."""

from __future__ import annotations

import asyncio
import socket

from flashpoint.api.nodelay import NODELAY_HTTP, NoDelayH11


async def _accepted_nodelay(make_protocol: type[asyncio.Protocol] | None) -> int:
    """Serve one connection on a socket with protocol number 0 and return TCP_NODELAY on the accepted side."""
    from uvicorn.config import Config
    from uvicorn.server import ServerState

    async def app(scope: dict[str, object], receive: object, send: object) -> None:  # never called
        raise AssertionError

    config = Config(app, http=NODELAY_HTTP, log_level="warning")
    config.load()
    state = ServerState()
    seen: list[asyncio.BaseTransport] = []

    class Plain(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            seen.append(transport)

    class Watched(NoDelayH11):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            seen.append(transport)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # proto 0, as uvicorn binds for workers
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    loop = asyncio.get_running_loop()
    factory = (lambda: Watched(config, state, {})) if make_protocol is not None else Plain
    server = await loop.create_server(factory, sock=listener)
    try:
        _, writer = await asyncio.open_connection(*listener.getsockname())
        for _ in range(200):
            if seen:
                break
            await asyncio.sleep(0.01)
        sock = seen[0].get_extra_info("socket")
        value = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        writer.close()
        return int(value)
    finally:
        for transport in seen:
            transport.close()
        server.close()
        await server.wait_closed()


def test_the_served_protocol_turns_nagle_off_on_a_worker_style_socket() -> None:
    assert asyncio.run(_accepted_nodelay(NoDelayH11)) == 1


def test_asyncio_alone_leaves_nagle_on_for_such_a_socket() -> None:
    """Why the protocol exists: with protocol number 0 asyncio does not set TCP_NODELAY itself."""
    assert asyncio.run(_accepted_nodelay(None)) == 0


def test_serve_names_the_protocol_uvicorn_can_import() -> None:
    from uvicorn.importer import import_from_string

    assert import_from_string(NODELAY_HTTP) is NoDelayH11
