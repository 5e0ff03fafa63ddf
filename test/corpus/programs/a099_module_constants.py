# Tests module-level constants used by functions; ends with an uncaught ValueError (exit status 1).
MAX_RETRIES = 3
TAX_RATE = 0.21
CURRENCY = "EUR"
VALID_CODES = ("NL", "DE", "FR", "BE")
SHIPPING = {"NL": 4.95, "DE": 6.5, "FR": 7.25, "BE": 5.0}
FREE_SHIPPING_OVER = 50


def shipping_cost(country: str, subtotal: float) -> float:
    if country not in VALID_CODES:
        raise ValueError(f"unsupported country: {country}")
    if subtotal > FREE_SHIPPING_OVER:
        return 0.0
    return SHIPPING[country]


def invoice(country, items):
    subtotal = sum(qty * price for qty, price in items)
    tax = round(subtotal * TAX_RATE, 2)
    ship = shipping_cost(country, subtotal)
    total = subtotal + tax + ship
    print(f"[{country}] subtotal {subtotal:.2f} tax {tax:.2f} shipping {ship:.2f} "
          f"total {total:.2f} {CURRENCY}")
    return total


orders = [
    ("NL", [(2, 9.99), (1, 4.5)]),
    ("DE", [(10, 5.0), (1, 0.99)]),
    ("BE", [(3, 1.25)]),
]
grand = 0.0
for country, items in orders:
    grand += invoice(country, items)
print(f"grand total: {grand:.2f} {CURRENCY}, retries allowed: {MAX_RETRIES}")

for attempt in range(1, MAX_RETRIES + 1):
    print("attempt", attempt, "for US order")
invoice("US", [(1, 10.0)])
print("not reached")
