# Tests: sieve of Eratosthenes, prime factorization, goldbach pairs, formatted tables
def sieve(limit: int) -> list[int]:
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if is_prime[i]:
            for j in range(i * i, limit + 1, i):
                is_prime[j] = False
    return [i for i, p in enumerate(is_prime) if p]


def factorize(n: int) -> dict:
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def fmt_factors(f) -> str:
    return " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in f.items())


primes = sieve(100)
print(primes)
print(len(primes), sum(primes), len(sieve(10000)))
for i in range(0, len(primes), 10):
    print(" ".join(f"{p:3d}" for p in primes[i:i + 10]))
for n in [360, 97, 1001, 2 ** 10, 600851475143]:
    print(n, "=", fmt_factors(factorize(n)))
prime_set = set(sieve(200))
for even in [10, 28, 100]:
    pairs = [(p, even - p) for p in sorted(prime_set) if p <= even - p and (even - p) in prime_set]
    print(even, pairs)
