# Tests: library app combining classes, dataclasses, custom exceptions, defaultdict and sorting
from dataclasses import dataclass, field
from collections import defaultdict
from typing import Dict, List, Optional


class LibraryError(Exception):
    pass


class NotAvailable(LibraryError):
    pass


class LimitReached(LibraryError):
    pass


@dataclass
class Book:
    isbn: str
    title: str
    author: str
    year: int
    borrower: Optional[str] = None


@dataclass
class Member:
    name: str
    limit: int = 2
    loans: List[str] = field(default_factory=list)


class Library:
    def __init__(self) -> None:
        self.books: Dict[str, Book] = {}
        self.members: Dict[str, Member] = {}
        self.events = defaultdict(int)

    def add_book(self, *args) -> None:
        book = Book(*args)
        self.books[book.isbn] = book

    def join(self, name: str, limit: int = 2) -> None:
        self.members[name] = Member(name, limit)

    def borrow(self, name: str, isbn: str) -> None:
        member = self.members[name]
        book = self.books[isbn]
        if book.borrower is not None:
            raise NotAvailable(f"'{book.title}' is with {book.borrower}")
        if len(member.loans) >= member.limit:
            raise LimitReached(f"{name} already has {member.limit} books")
        book.borrower = name
        member.loans.append(isbn)
        self.events["borrow"] += 1

    def give_back(self, name, isbn):
        self.members[name].loans.remove(isbn)
        self.books[isbn].borrower = None
        self.events["return"] += 1


lib = Library()
lib.add_book("111", "Dune", "Herbert", 1965)
lib.add_book("222", "Neuromancer", "Gibson", 1984)
lib.add_book("333", "Foundation", "Asimov", 1951)
lib.add_book("444", "I, Robot", "Asimov", 1950)
lib.join("ann")
lib.join("ben", limit=1)
actions = [("ann", "111"), ("ben", "111"), ("ben", "222"), ("ben", "333"), ("ann", "444"),
           ("ann", "333"), ("zed", "111"), ("ann", "999")]
for who, isbn in actions:
    try:
        lib.borrow(who, isbn)
        print(f"{who} borrowed {lib.books[isbn].title}")
    except LibraryError as e:
        print(f"{type(e).__name__}: {e}")
    except KeyError as e:
        print(f"unknown id {e}")
lib.give_back("ann", "111")
if lib.members["ben"].loans:
    print("ben still at limit")
else:
    lib.borrow("ben", "111")
print(lib.members["ann"])
print(dict(lib.events))
for b in sorted(lib.books.values(), key=lambda b: (b.author, b.year)):
    status = f"out ({b.borrower})" if b.borrower else "in"
    print(f"{b.author:<8}{b.year} {b.title:<12}{status}")
