"""Every `radar` command is documented in the README (as sqlite-utils does for its CLI)."""
import re

from cli.main import app
from tests.conftest import REPO


def test_every_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert commands, "no commands registered"
    missing = [c for c in commands if not re.search(rf"`radar {c}\b", readme)]
    assert not missing, f"commands missing from README.md: {missing}"


def test_readme_starts_with_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```bash\n(.*?)```", readme, re.S).group(1)
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == ["make demo", "make test"]
