"""A real WordPress on 127.0.0.1, from Debian's packages, for the tests marked ``live``.

`WordPressSite.start` makes a MariaDB server in a temporary folder (a socket, no network), a
site configuration, a PHP built-in server on a free port, installs WordPress through its own
installer, and seeds it with a PHP script run against ``wp-load.php`` (`tests/live/seed.php`).
`WordPressSite.stop` undoes all of it, and runs at exit too, so an interrupted run leaves no
server behind.

Debian's ``wp-config.php`` loads ``/etc/wordpress/config-NAME.php`` for
``$_SERVER["WORDPRESS_CONFIG"]``, which the server's router and the scripts' loader set from the
environment: each site writes its own, named after its folder, reading everything else from
environment variables, and removes it afterwards.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LIVE_DIR = Path(__file__).parent / "live"
BLOCK_FIXTURES = Path(__file__).parent.parent.parent / "shared" / "fixtures" / "blocks"
WORDPRESS = Path("/usr/share/wordpress")
CONFIG_FOLDER = Path("/etc/wordpress")
INSTALL_HINT = (
    "apt-get install wordpress mariadb-server php-cli php-mysql php-gd "
    "(Debian's packages; see docs/live-wordpress.md)"
)
# The configuration, as written.
_CONFIG_TEXT = """<?php
// written by wpparse's live test harness, and removed when its site stops
define('DB_NAME', getenv('WPPARSE_DB_NAME'));
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . getenv('WPPARSE_DB_SOCKET'));
define('WP_CONTENT_DIR', getenv('WPPARSE_CONTENT_DIR'));
define('WP_HOME', 'http://' . $_SERVER['HTTP_HOST']);
define('WP_SITEURL', 'http://' . $_SERVER['HTTP_HOST']);
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', false);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
"""


def missing_packages() -> list[str]:
    """The programs the harness needs that this machine lacks."""
    needed = {
        "mariadbd": shutil.which("mariadbd") or shutil.which("mysqld"),
        "mariadb-install-db": shutil.which("mariadb-install-db")
        or shutil.which("mysql_install_db"),
        "php": shutil.which("php"),
        "wordpress": str(WORDPRESS) if (WORDPRESS / "wp-load.php").is_file() else None,
    }
    missing = [name for name, found in needed.items() if not found]
    if (
        not missing
        and subprocess.run(
            ["php", "-r", "exit(extension_loaded('mysqli') && extension_loaded('gd') ? 0 : 1);"],
            check=False,
        ).returncode
    ):
        missing.append("php-mysql/php-gd")
    return missing


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Response:
    """An HTTP response of the site: status, headers (lower-case names) and body."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        """The body, decoded as JSON."""
        return json.loads(self.body)


@dataclass
class WordPressSite:
    """One WordPress site on 127.0.0.1, with its database, files and seed."""

    folder: Path
    timezone: str = "Europe/Bratislava"
    port: int = 0
    admin: str = "admin"
    admin_password: str = "wpparse-admin-pass"
    app_password: str = ""
    seed: dict[str, Any] = field(default_factory=dict)
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _wrote_config: bool = False

    # -- starting and stopping -------------------------------------------------------------------

    @classmethod
    def start(cls, timezone: str = "Europe/Bratislava", fixtures: bool = True) -> WordPressSite:
        """A fresh site, installed and seeded; call `stop` when done (it also runs at exit).

        `timezone` is a named zone or an offset (``"+05:30"``); `fixtures` says whether every
        block fixture becomes a post too.
        """
        site = cls(Path(tempfile.mkdtemp(prefix="wpparse-live-")), timezone)
        atexit.register(site.stop)
        try:
            site._start_database()
            site._write_config()
            site._start_server()
            site._install()
            folder = str(BLOCK_FIXTURES) if fixtures and BLOCK_FIXTURES.is_dir() else ""
            site.seed = json.loads(site.php_file(LIVE_DIR / "seed.php", timezone, folder))
            site.app_password = site.seed["app_password"]
        except BaseException:
            site.stop()
            raise
        return site

    def stop(self) -> None:
        """Stop the servers and remove every file the site made."""
        for process in reversed(self._processes):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self._processes.clear()
        if self._wrote_config:
            self.config.unlink(missing_ok=True)
            self._wrote_config = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def _spawn(self, command: list[str], log: str, env: Mapping[str, str] | None = None) -> None:
        with (self.folder / log).open("ab") as output:
            self._processes.append(
                subprocess.Popen(
                    command,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    env=dict(env) if env is not None else None,
                    start_new_session=True,  # its own group: stopped whole, children too
                )
            )

    def _start_database(self) -> None:
        base = self.folder / "mysql"
        data = base / "data"
        data.mkdir(parents=True)
        self.folder.chmod(0o755)
        shutil.chown(base, "mysql", "mysql")
        shutil.chown(data, "mysql", "mysql")
        install = shutil.which("mariadb-install-db") or "mysql_install_db"
        subprocess.run(
            [
                install,
                "--user=mysql",
                f"--datadir={data}",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
            ],
            check=True,
            capture_output=True,
        )
        socket_path = base / "mysqld.sock"
        self._spawn(
            [
                shutil.which("mariadbd") or "mysqld",
                "--no-defaults",  # first, or it is not read; nothing from /etc/mysql
                "--user=mysql",
                f"--datadir={data}",
                f"--socket={socket_path}",
                f"--pid-file={base / 'mysqld.pid'}",
                "--skip-networking",
                "--innodb-buffer-pool-size=64M",
            ],
            "mysqld.log",
        )
        _wait_for(lambda: socket_path.exists(), "MariaDB's socket", self.folder / "mysqld.log")
        self._sql("CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")

    def _sql(self, statement: str) -> str:
        socket_path = self.folder / "mysql" / "mysqld.sock"
        client = shutil.which("mariadb") or "mysql"
        done = subprocess.run(
            [client, f"--socket={socket_path}", "-uroot", "-N", "-e", statement],
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    @property
    def config_name(self) -> str:
        """The name of the site's configuration (``/etc/wordpress/config-NAME.php``)."""
        return re.sub(r"[^a-zA-Z0-9-]", "-", self.folder.name)

    @property
    def config(self) -> Path:
        """The site's configuration file."""
        return CONFIG_FOLDER / f"config-{self.config_name}.php"

    def _write_config(self) -> None:
        CONFIG_FOLDER.mkdir(parents=True, exist_ok=True)
        self.config.write_text(_CONFIG_TEXT, encoding="utf-8")
        self._wrote_config = True
        content = self.folder / "wp-content"
        (content / "uploads").mkdir(parents=True)
        (content / "mu-plugins").mkdir()
        (content / "plugins").mkdir()
        (content / "themes").symlink_to(WORDPRESS / "wp-content" / "themes")
        shutil.copy(LIVE_DIR / "wpparse-live.php", content / "mu-plugins" / "wpparse-live.php")

    def environment(self) -> dict[str, str]:
        """The environment the site's PHP (server and scripts) runs in."""
        return {
            **os.environ,
            "WPPARSE_DB_NAME": "wordpress",
            "WPPARSE_DB_SOCKET": str(self.folder / "mysql" / "mysqld.sock"),
            "WPPARSE_CONTENT_DIR": str(self.folder / "wp-content"),
            "WPPARSE_HOST": f"127.0.0.1:{self.port}",
            "WPPARSE_CONFIG_NAME": self.config_name,
            "PHP_CLI_SERVER_WORKERS": "4",
        }

    def _start_server(self) -> None:
        self.port = free_port()
        self._spawn(
            [
                "php",
                "-d",
                "memory_limit=512M",
                "-S",
                f"127.0.0.1:{self.port}",
                "-t",
                str(WORDPRESS),
                str(LIVE_DIR / "router.php"),
            ],
            "php-server.log",
            self.environment(),
        )
        _wait_for(self._answers, "PHP's server", self.folder / "php-server.log")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def _install(self) -> None:
        form = {
            "weblog_title": "wpparse live",
            "user_name": self.admin,
            "admin_password": self.admin_password,
            "admin_password2": self.admin_password,
            "pw_weak": "1",
            "admin_email": "admin@example.org",
            "blog_public": "0",
        }
        response = self.request(
            "/wp-admin/install.php?step=2",
            data=urllib.parse.urlencode(form).encode(),
            timeout=120,
        )
        if b"Success" not in response.body:
            raise RuntimeError(f"WordPress did not install: {response.body[:500]!r}")

    # -- using it --------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The site's home URL."""
        return f"http://127.0.0.1:{self.port}"

    def request(
        self,
        path: str,
        *,
        data: bytes | None = None,
        method: str | None = None,
        headers: Mapping[str, str] | None = None,
        auth: bool | str = False,
        timeout: float = 60,
    ) -> Response:
        """Send one request to the site; any status is returned, not raised.

        `auth` True signs it as the administrator; ``"contributor"`` as a contributor.
        """
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers=dict(headers or {})
        )
        if auth:
            user, password = (
                ("chen", self.seed["contributor_password"])
                if auth == "contributor"
                else (self.admin, self.app_password)
            )
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                return Response(answer.status, _lower(answer.headers.items()), answer.read())
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, _lower(error.headers.items()), error.read())

    def api(
        self, route: str, *, auth: bool | str = False, method: str | None = None, **params: Any
    ) -> Response:
        """A REST request: ``api("/wp/v2/posts", per_page=5)`` (plain permalinks: rest_route)."""
        query = urllib.parse.urlencode({"rest_route": route, **params}, doseq=True)
        return self.request(f"/?{query}", auth=auth, method=method)

    def php(self, code: str, *arguments: str) -> str:
        """Run PHP `code` with WordPress loaded (as the site's own scripts are); its output."""
        script = self.folder / "run.php"
        script.write_text(code, encoding="utf-8")
        return self.php_file(script, *arguments)

    def php_file(self, path: Path, *arguments: str) -> str:
        """Run the PHP script at `path` with WordPress loaded; its output."""
        done = subprocess.run(
            ["php", "-d", "memory_limit=512M", str(LIVE_DIR / "load.php"), str(path), *arguments],
            check=False,
            capture_output=True,
            text=True,
            env=self.environment(),
            timeout=300,
        )
        if done.returncode:
            raise RuntimeError(f"PHP failed ({done.returncode}): {done.stderr or done.stdout}")
        return done.stdout


def _lower(items: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in items}


def _wait_for(ready: Any, what: str, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{what} did not come up in {seconds} s:\n{tail}")
        time.sleep(0.05)


@contextlib.contextmanager
def running_site(
    timezone: str = "Europe/Bratislava", *, fixtures: bool = True
) -> Iterator[WordPressSite]:
    """A started site, stopped at the end of the block, whatever happens inside."""
    site = WordPressSite.start(timezone, fixtures)
    try:
        yield site
    finally:
        site.stop()


class PhpBlockParser:
    """WordPress's ``WP_Block_Parser`` in one PHP process, fed documents one after another."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            ["php", str(LIVE_DIR / "block_parser.php")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def parse(self, text: str) -> Any:
        """What ``json_encode((new WP_Block_Parser())->parse($text))`` gives, decoded."""
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        data = text.encode("utf-8")
        self._process.stdin.write(b"%d\n" % len(data) + data)
        self._process.stdin.flush()
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError("WordPress's block parser stopped")
        return json.loads(line)

    def close(self) -> None:
        """End the PHP process."""
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=10)
        if self._process.stdout is not None:
            self._process.stdout.close()
