"""The admin PIN: hashed, checked in constant time, wrong guesses locked out."""

from __future__ import annotations

import pytest

from minusma_kiosk.kiosk.pin import PinGate, check_pin, hash_pin


def test_hash_is_salted_and_checks():
    a, b = hash_pin("2468"), hash_pin("2468")
    assert a != b and a.startswith("scrypt$") and "2468" not in a
    assert check_pin("2468", a) and check_pin("2468", b)
    assert not check_pin("2469", a)
    assert not check_pin("2468", "scrypt$broken")
    assert not check_pin("2468", "")


@pytest.mark.parametrize("pin", ["123", "12ab", "1234567890123", ""])
def test_a_pin_is_four_to_twelve_digits(pin):
    with pytest.raises(ValueError):
        hash_pin(pin)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_wrong_pins_lock_the_gate_longer_and_longer():
    clock = Clock()
    gate = PinGate(hash_pin("2468"), clock)
    assert not gate.try_pin("0000") and not gate.try_pin("1111")
    assert gate.wait_s() == 0  # two free mistakes
    assert not gate.try_pin("2222")
    assert gate.wait_s() == 30
    assert not gate.try_pin("2468")  # even the right PIN while locked
    clock.now += 30
    assert not gate.try_pin("3333")
    assert gate.wait_s() == 60  # doubled
    clock.now += 60
    assert gate.try_pin("2468")
    assert gate.wait_s() == 0
    assert not gate.try_pin("0000")  # the count started again
    assert gate.wait_s() == 0


def test_the_lock_never_exceeds_fifteen_minutes():
    clock = Clock()
    gate = PinGate(hash_pin("2468"), clock)
    for _ in range(20):
        gate.try_pin("0000")
        clock.now += gate.wait_s()
    gate.try_pin("0000")
    assert gate.wait_s() == 900


def test_no_pin_set_opens_nothing():
    gate = PinGate("")
    assert not gate.configured and not gate.try_pin("0000")
