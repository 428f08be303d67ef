"""The admin PIN: hashed, checked in constant time, wrong guesses locked out, across restarts."""

from __future__ import annotations

import json

import pytest

from minusma_kiosk.kiosk.pin import N, PinGate, check_pin, hash_pin, is_weak_hash

PIN = "24681357"


def test_hash_is_salted_and_checks():
    a, b = hash_pin(PIN), hash_pin(PIN)
    assert a != b and a.startswith(f"scrypt${N}$") and PIN not in a
    assert check_pin(PIN, a) and check_pin(PIN, b)
    assert not check_pin("24681358", a)
    assert not check_pin(PIN, "scrypt$broken")
    assert not check_pin(PIN, "")
    assert not is_weak_hash(a)


@pytest.mark.adversarial(item=11)
@pytest.mark.parametrize("pin", ["1234", "1234567", "12ab5678", "1234567890123", "",
                                 "١٢٣٤٥٦٧٨",  # Arabic-Indic digits: the pad cannot type them
                                 "１２３４５６７８",  # full-width digits
                                 "1234 5678", "+12345678"])
def test_a_pin_is_eight_to_twelve_ascii_digits(pin):
    with pytest.raises(ValueError, match="8 to 12 digits 0-9"):
        hash_pin(pin)


def test_a_hash_from_the_old_rule_still_opens_but_is_called_weak():
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"2468", salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = (f"scrypt${2**14}$8$1${base64.b64encode(salt).decode()}$"
           f"{base64.b64encode(digest).decode()}")
    assert check_pin("2468", old)
    assert is_weak_hash(old)


@pytest.mark.adversarial(item=11)
def test_a_hash_asking_for_absurd_memory_is_refused_not_run():
    assert not check_pin(PIN, "scrypt$1073741824$8$1$AAAA$AAAA")


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(PIN)


def test_wrong_pins_lock_the_gate_longer_and_longer(stored):
    clock = Clock()
    gate = PinGate(stored, clock)
    assert not gate.try_pin("00000000") and not gate.try_pin("11111111")
    assert gate.wait_s() == 0  # two free mistakes
    assert not gate.try_pin("22222222")
    assert gate.wait_s() == 30 and gate.wrong_tries == 3
    assert not gate.try_pin(PIN)  # even the right PIN while locked
    clock.now += 30
    assert not gate.try_pin("33333333")
    assert gate.wait_s() == 60  # doubled
    clock.now += 60
    assert gate.try_pin(PIN)
    assert gate.wait_s() == 0
    assert not gate.try_pin("00000000")  # the count started again
    assert gate.wait_s() == 0


def test_the_lock_never_exceeds_fifteen_minutes(stored):
    clock = Clock()
    gate = PinGate(stored, clock)
    for _ in range(40):
        gate.try_pin("00000000")
        clock.now += gate.wait_s()
    gate.try_pin("00000000")
    assert gate.wait_s() == 900


@pytest.mark.adversarial(item=11)
def test_the_lock_survives_a_restart(tmp_path, stored):
    """A visitor who makes the exhibit restart gets no fresh tries."""
    clock, path = Clock(), tmp_path / "admin-lock.json"
    gate = PinGate(stored, clock, state_path=path)
    for pin in ("00000000", "11111111", "22222222"):
        gate.try_pin(pin)
    assert gate.wait_s() == 30
    assert path.stat().st_mode & 0o777 == 0o600
    clock.now += 10
    again = PinGate(stored, clock, state_path=path)  # the exhibit started again
    assert again.wait_s() == 20 and not again.try_pin(PIN)
    clock.now += 20
    assert not again.try_pin("33333333")
    assert again.wait_s() == 60  # the count went on: 4 wrong in a row
    clock.now += 60
    assert again.try_pin(PIN)
    assert PinGate(stored, clock, state_path=path).wrong_tries == 0


def test_a_clock_set_back_does_not_lock_staff_out_for_ever(tmp_path, stored):
    clock, path = Clock(), tmp_path / "admin-lock.json"
    path.write_text(json.dumps({"wrong": 9, "locked_until": clock.now + 10**9}))
    assert PinGate(stored, clock, state_path=path).wait_s() == 900


@pytest.mark.parametrize("text", ["", "{", "[]", '{"wrong": "x", "locked_until": 0}',
                                  '{"wrong": 1, "locked_until": NaN}'])
def test_a_damaged_lock_file_starts_with_no_wrong_tries(tmp_path, stored, text, caplog):
    path = tmp_path / "admin-lock.json"
    path.write_text(text)
    gate = PinGate(stored, Clock(), state_path=path)
    assert gate.wait_s() == 0 and gate.try_pin(PIN)


def test_a_lock_file_that_cannot_be_written_leaves_the_gate_working(tmp_path, stored, caplog):
    folder = tmp_path / "admin-lock.json"
    folder.mkdir()  # a folder where the file should be: it cannot be written
    gate = PinGate(stored, Clock(), state_path=folder)
    assert not gate.try_pin("00000000")
    assert "admin lock state" in caplog.text and "not saved" in caplog.text
    assert gate.try_pin(PIN)


def test_no_pin_set_opens_nothing():
    gate = PinGate("")
    assert not gate.configured and not gate.try_pin("00000000")
