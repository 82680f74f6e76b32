#!/usr/bin/env python3
"""The newsroom server in a real browser (Selenium, Debian's chromium and chromium-driver), as an editor would use it:
log in, upload a corpus article, select a passage with the mouse, record a claim with a value (read live as it is
typed), see the contradiction with an earlier claim on the contradictions page, download the claim's proof and
check it with `claimledger verify-proof`. Screenshots of every page (desktop and phone width) go to SHOTS, which is
never committed.

Usage: tools/browser_test.py BINARY LEDGER BASE_URL USER PASSWORD ARTICLE SHOTS
"""
import os
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

QUOTE = "reinstated after about two hours"


def fail(message):
    print(f"browser test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    binary, ledger, base, user, password, article, shots = sys.argv[1:8]
    downloads = os.path.join(shots, "downloads")
    os.makedirs(downloads, exist_ok=True)
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1300,1000"]:
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver_path = next((p for p in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(p)), None)
    driver = webdriver.Chrome(service=Service(driver_path) if driver_path else Service(), options=options)
    wait = WebDriverWait(driver, 20)
    errors = []
    try:
        def shot(name):
            driver.save_screenshot(os.path.join(shots, f"{name}.png"))
            logs = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] if hasattr(driver, "get_log") else []
            errors.extend(f"{name}: {e['message']}" for e in logs)

        driver.get(base + "/login")
        shot("login")
        driver.find_element(By.NAME, "user").send_keys(user)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form.login button").click()
        wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Dashboard"))
        shot("dashboard")

        # Upload a corpus article through the form.
        driver.get(base + "/sources/new")
        driver.find_element(By.NAME, "capture").send_keys(os.path.abspath(article))
        driver.find_element(By.NAME, "outlet").send_keys("Portland Press Herald")
        driver.find_element(By.NAME, "lang").send_keys("en")
        driver.find_element(By.NAME, "title").send_keys("Pro-Harris X accounts labeled spam")
        shot("upload")
        driver.find_element(By.CSS_SELECTOR, "form.record button").click()
        wait.until(lambda d: re.search(r"/sources/[0-9a-f]{64}$", d.current_url))
        source_url = driver.current_url

        # Select the passage with the mouse: press just inside its first character, release just inside its last.
        rects = driver.execute_script("""
            const article = document.getElementById('article'), quote = arguments[0];
            const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
              const i = node.data.indexOf(quote);
              if (i < 0) continue;
              const r = document.createRange();
              r.setStart(node, i); r.setEnd(node, i + quote.length);
              window.scrollBy(0, r.getBoundingClientRect().top - window.innerHeight / 2);
              r.setStart(node, i); r.setEnd(node, i + 1);
              const first = r.getBoundingClientRect();
              r.setStart(node, i + quote.length - 1); r.setEnd(node, i + quote.length);
              const last = r.getBoundingClientRect();
              return {x0: first.left + 1, y0: (first.top + first.bottom) / 2, x1: last.right - 1, y1: (last.top + last.bottom) / 2};
            }
            return null;""", QUOTE)
        if rects is None:
            fail("the quote is not in the article's text on the page")
        mouse = ActionBuilder(driver)  # viewport coordinates, so nothing scrolls between measuring and dragging
        mouse.pointer_action.move_to_location(int(rects["x0"]), int(rects["y0"]))
        mouse.pointer_action.pointer_down()
        mouse.pointer_action.move_to_location(int(rects["x1"]), int(rects["y1"]))
        mouse.pointer_action.pointer_up()
        mouse.perform()
        excerpt = driver.find_element(By.NAME, "excerpt").get_attribute("value")
        if excerpt != QUOTE:
            fail(f"selecting the passage filled the quote with {excerpt!r}, not {QUOTE!r}")
        if driver.find_element(By.NAME, "occurrence").get_attribute("value") != "1":
            fail("the occurrence of the selected passage is not 1")

        driver.find_element(By.NAME, "speaker").send_keys("X")
        driver.find_element(By.NAME, "relay").send_keys("email shared with The Post")
        driver.find_element(By.NAME, "text").send_keys("The account was down for about two hours.")
        driver.find_element(By.NAME, "subject").send_keys("account:@dudes4harris")
        Select(driver.find_element(By.NAME, "predicate")).select_by_value("suspension.duration")
        driver.find_element(By.NAME, "value").send_keys("about two hours")
        wait.until(EC.text_to_be_present_in_element((By.ID, "value-reading"), "reads as duration"))
        shot("record-claim")
        driver.find_element(By.CSS_SELECTOR, "#record-claim button[type=submit]").click()
        wait.until(lambda d: re.search(r"/claims/[0-9]+$", d.current_url))
        seq = driver.current_url.rsplit("/", 1)[1]
        shot("claim")

        # The new claim contradicts the earlier "about a day" (The Harbor Gazette) for the same suspension.
        driver.get(base + "/contradictions")
        findings = driver.find_elements(By.CSS_SELECTOR, "article.finding")
        mine = [f for f in findings if seq in (f.get_attribute("data-seqs") or "").split() and f.get_attribute("data-verdict") == "contradiction"]
        if not mine:
            fail(f"no contradiction involving claim {seq} on the contradictions page ({len(findings)} findings)")
        shot("contradictions")

        # Sign a checkpoint covering it, then download the proof, the entry and the key from the claim's page.
        r = subprocess.run([binary, "checkpoint", "--ledger", ledger], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"claimledger checkpoint: {r.stderr.strip()}")
        driver.get(f"{base}/claims/{seq}")
        for link in ["proof", "entry"]:
            driver.find_element(By.CSS_SELECTOR, f"a[href='/claims/{seq}/{link}']").click()
        driver.find_element(By.CSS_SELECTOR, "a[href='/verifier-key']").click()
        files = {f"claim-{seq}.tlog-proof", f"claim-{seq}.entry.json", "ledger.vkey"}
        deadline = time.time() + 20
        while time.time() < deadline and not files <= set(os.listdir(downloads)):
            time.sleep(0.2)
        if not files <= set(os.listdir(downloads)):
            fail(f"the downloads did not arrive: {sorted(os.listdir(downloads))}")
        vkey = open(os.path.join(downloads, "ledger.vkey")).read().strip()
        r = subprocess.run([binary, "verify-proof", os.path.join(downloads, f"claim-{seq}.tlog-proof"),
                            "--entry", os.path.join(downloads, f"claim-{seq}.entry.json"), "--vkey", vkey], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"verify-proof of the downloaded proof: {r.stdout.strip()} {r.stderr.strip()}")

        # Every page, looked at on a laptop and a phone.
        pages = ["/", "/sources", source_url.replace(base, ""), "/claims", f"/claims/{seq}", "/contradictions",
                 "/corroborations", "/audit", "/entities", "/predicates", "/sources/new"]
        for width, name in [(1300, "laptop"), (390, "phone")]:
            driver.set_window_size(width, 1000)
            for path in pages:
                driver.get(base + path)
                wide = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 2")
                if wide:
                    errors.append(f"{path} scrolls sideways at {width}px")
                slug = path.strip("/").replace("/", "_")[:40] or "dashboard"
                shot(f"{name}-{slug}")
        if errors:
            fail("; ".join(errors))
        print(f"browser test ok: claim {seq} recorded from a mouse selection, its contradiction shown, its downloaded proof verified; "
              f"{2 * len(pages)} page screenshots in {shots}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
