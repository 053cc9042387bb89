"""Ready-to-paste schedules for a monthly or weekly scan: cron, systemd user units, a launchd
plist and a Windows `schtasks` command. Pure text; nothing is installed."""

from __future__ import annotations

import plistlib
import re
import shlex
from dataclasses import dataclass

from exposure_scan.errors import InputError

EVERY = ("week", "month")
LABEL = "nl.exposure-scan.scan"  # launchd label and systemd/schtasks name stem
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Schedule:
    every: str  # "week" (Mondays) or "month" (the 1st)
    hour: int
    minute: int
    command: tuple[str, ...]  # absolute paths; run as is

    @classmethod
    def parse(cls, every: str, at: str, command: list[str]) -> Schedule:
        if every not in EVERY:
            raise InputError("--every", every, "choose week or month")
        found = _TIME.match(at.strip())
        if not found:
            raise InputError("--at", at, "give a time as HH:MM, e.g. 07:30")
        return cls(every, int(found[1]), int(found[2]), tuple(command))

    def cron(self) -> str:
        day = "1 * *" if self.every == "month" else "* * 1"
        # cron reads an unescaped % as a newline
        line = " ".join(shlex.quote(a) for a in self.command).replace("%", r"\%")
        return f"{self.minute} {self.hour} {day} {line}"

    def systemd(self) -> tuple[str, str]:
        """(exposure-scan.service, exposure-scan.timer) for ~/.config/systemd/user/."""
        exec_line = " ".join(_systemd_quote(a) for a in self.command)
        service = (
            "[Unit]\n"
            "Description=exposure-scan: what a stranger can learn about you online\n"
            "\n"
            "[Service]\n"
            "Type=oneshot\n"
            f"ExecStart={exec_line}\n"
            "# exit 6 (a new finding) and 3 (a source not checked) are news, not failures\n"
            "SuccessExitStatus=3 6\n"
        )
        when = "*-*-01" if self.every == "month" else "Mon *-*-*"
        timer = (
            "[Unit]\n"
            "Description=Run exposure-scan every " + self.every + "\n"
            "\n"
            "[Timer]\n"
            f"OnCalendar={when} {self.hour:02d}:{self.minute:02d}:00\n"
            "Persistent=true\n"
            "\n"
            "[Install]\n"
            "WantedBy=timers.target\n"
        )
        return service, timer

    def launchd(self) -> str:
        when: dict[str, int] = {"Hour": self.hour, "Minute": self.minute}
        when.update({"Day": 1} if self.every == "month" else {"Weekday": 1})
        plist = {
            "Label": LABEL,
            "ProgramArguments": list(self.command),
            "StartCalendarInterval": when,
            "RunAtLoad": False,
        }
        return plistlib.dumps(plist).decode("utf-8")

    def schtasks(self) -> str:
        run = " ".join(_windows_quote(a) for a in self.command)
        when = "/SC MONTHLY /D 1" if self.every == "month" else "/SC WEEKLY /D MON"
        # /TR takes one string; its inner quotes are escaped with a backslash
        tr = '"' + run.replace('"', '\\"') + '"'
        return (
            f'schtasks /Create /TN "exposure-scan" {when} '
            f"/ST {self.hour:02d}:{self.minute:02d} /TR {tr} /F"
        )

    def render(self) -> str:
        service, timer = self.systemd()
        return "\n".join(
            [
                "# Linux, macOS: crontab -e, then add this line",
                self.cron(),
                "",
                "# Linux with systemd: save as ~/.config/systemd/user/exposure-scan.service",
                service,
                "# ... and ~/.config/systemd/user/exposure-scan.timer, then run:",
                "#   systemctl --user daemon-reload && systemctl --user enable --now "
                "exposure-scan.timer",
                timer,
                f"# macOS: save as ~/Library/LaunchAgents/{LABEL}.plist, then run:",
                f"#   launchctl load ~/Library/LaunchAgents/{LABEL}.plist",
                self.launchd(),
                "# Windows: paste into a Command Prompt (cmd.exe)",
                self.schtasks(),
                "",
            ]
        )


def _systemd_quote(arg: str) -> str:
    if arg and not re.search(r"[\s\"'\\%$;]", arg):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def _windows_quote(arg: str) -> str:
    if arg and not re.search(r'[\s"]', arg):
        return arg
    return '"' + arg.replace('"', '\\"') + '"'
