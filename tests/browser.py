"""A phone-sized headless Chromium for the phone page (issue 15): the browser test and
``tools/phone_screenshots.py`` drive the same browser the same way.

Debian's ``chromium`` and ``chromedriver`` (``make test`` installs them with apt-get when
run as root), driven by selenium through the driver's path, so selenium never tries to
download a driver. The flags keep Chromium quiet and offline on a shared build machine;
each browser gets a fresh profile, removed on quit.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
VIEWPORT = (390, 844)


def missing() -> str | None:
    """Why the browser cannot run here (for a skip), or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if _binary() is None:
        return "Chromium not found (Debian: apt-get install chromium chromium-driver)"
    if shutil.which("chromedriver") is None:
        return "chromedriver not found (Debian: apt-get install chromium-driver)"
    return None


def _binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class PhoneBrowser:
    """A 390 × 844 phone viewport (pixel ratio 2 for sharp screenshots)."""

    def __init__(self, pixel_ratio: float = 2.0) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="charter-chromium-")
        options = webdriver.ChromeOptions()
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        width, height = VIEWPORT
        options.add_experimental_option(
            "mobileEmulation",
            {"deviceMetrics": {"width": width, "height": height, "pixelRatio": pixel_ratio}},
        )
        options.binary_location = _binary() or "chromium"
        service = Service(executable_path=shutil.which("chromedriver") or "chromedriver")
        try:
            self.driver = webdriver.Chrome(options=options, service=service)
        except Exception:
            shutil.rmtree(self.profile, ignore_errors=True)
            raise

    def quit(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    # -- what the tests and the screenshots do --------------------------------------------
    def wait(self, predicate: Callable[[Any], Any], timeout: float = 20) -> Any:
        """Wait until ``predicate(driver)`` is truthy (the page polls every 2.5 s)."""
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(predicate)

    def css(self, selector: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector: str) -> list[Any]:
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def wait_css(self, selector: str, timeout: float = 20) -> Any:
        return self.wait(lambda _d: (self.all(selector) or [None])[0], timeout)

    def _fresh(self, action: Callable[[], Any]) -> Any:
        """Run ``action`` again if the page re-rendered the element under it (a poll)."""
        from selenium.common.exceptions import StaleElementReferenceException

        for _ in range(4):
            try:
                return action()
            except StaleElementReferenceException:
                continue
        return action()

    def type(self, selector: str, text: str) -> None:
        """Type ``text`` into a field: keystrokes up to the first character outside the
        BMP (ChromeDriver 150 refuses those), the rest inserted as an input method does
        (``insertText``, which fires the same ``input`` event)."""
        cut = next((i for i, ch in enumerate(text) if ord(ch) > 0xFFFF), len(text))

        def typed() -> None:
            field = self.css(selector)
            field.send_keys(text[:cut])
            if cut < len(text):
                self.driver.execute_script(
                    "arguments[0].focus(); document.execCommand('insertText', false, arguments[1]);",
                    field,
                    text[cut:],
                )

        self._fresh(typed)

    def text(self, selector: str) -> str:
        return str(self._fresh(lambda: self.css(selector).text))

    def attr(self, selector: str, name: str) -> str | None:
        return self._fresh(lambda: self.css(selector).get_attribute(name))  # type: ignore[no-any-return]

    def click(self, selector: str) -> None:
        self._fresh(lambda: self.css(selector).click())

    def choose(self, value: str) -> None:
        self.click(f'.choice[data-value="{value}"]')

    def send(self) -> str:
        """Press the send button and return the new receipt's first line once it shows."""
        before = self.receipt()
        self.click("#send")
        return str(self.wait(lambda _d: (self.receipt() or before) != before and self.receipt()))

    def receipt(self) -> str:
        """The receipt shown, or an empty string."""
        return str(
            self.driver.execute_script(
                "const e = document.querySelector('#receipt:not([hidden]) .receipt-main');"
                "return e ? e.innerText : ''"
            )
        )

    def counts(self) -> dict[str, str]:
        """The result's table, read in one go (the page may re-render between two reads)."""
        rows = self.driver.execute_script(
            "return [...document.querySelectorAll('.count tbody tr')]"
            ".map(r => [r.querySelector('th').textContent, r.querySelector('td').textContent])"
        )
        return {str(label): str(n) for label, n in rows}

    def switch(self, lang: str) -> None:
        self.click(f'.lang-btn[data-lang="{lang}"]')
        self.wait(lambda d: d.execute_script("return document.documentElement.lang") == lang)

    def show(self, selector: str) -> None:
        """Scroll an element to the middle of the screen (for a screenshot)."""
        self.driver.execute_script(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", selector
        )

    def top(self) -> None:
        self.driver.execute_script("window.scrollTo(0, 0)")
