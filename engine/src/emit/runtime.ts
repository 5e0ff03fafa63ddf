// Rust runtime helpers for Python semantics. Each chunk is emitted only when the translation
// uses it (plus the chunks it depends on), so output stays std-only and self-contained.

export interface RuntimeChunk { deps: string[]; code: string }

export const RUNTIME: Record<string, RuntimeChunk> = {
  floordiv: {
    deps: [],
    code: `
/// Python \`//\` on ints: rounds toward negative infinity.
fn py_floordiv(a: i64, b: i64) -> i64 {
    if b == 0 {
        py_raise_zero();
    }
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q }
}

fn py_raise_zero() -> ! {
    panic!("ZeroDivisionError: integer division or modulo by zero")
}`,
  },
  mod: {
    deps: ['floordiv'],
    code: `
/// Python \`%\` on ints: the result has the sign of the divisor.
fn py_mod(a: i64, b: i64) -> i64 {
    if b == 0 {
        py_raise_zero();
    }
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r }
}`,
  },
  fmod: {
    deps: [],
    code: `
/// Python \`%\` on floats.
fn py_fmod(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        panic!("ZeroDivisionError: float modulo");
    }
    let r = a % b;
    if r == 0.0 {
        0.0f64.copysign(b)
    } else if (r < 0.0) != (b < 0.0) {
        r + b
    } else {
        r
    }
}

/// Python \`//\` on floats (CPython's float_floor_div, exact at the edges: 1.0 // 0.1 == 9.0).
fn py_ffloordiv(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        panic!("ZeroDivisionError: float floor division by zero");
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div == 0.0 {
        return 0.0f64.copysign(a / b);
    }
    let f = div.floor();
    if div - f > 0.5 { f + 1.0 } else { f }
}`,
  },
  truediv: {
    deps: [],
    code: `
/// Python \`/\`: always a float, ZeroDivisionError on zero.
fn py_div(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        panic!("ZeroDivisionError: division by zero");
    }
    a / b
}`,
  },
  div_checked: {
    deps: ['exc', 'floordiv', 'mod'],
    code: `
/// Python \`/\` where a ZeroDivisionError can be caught.
fn py_div_r(a: f64, b: f64, msg: &str) -> Result<f64, PyErr> {
    if b == 0.0 {
        return Err(PyErr::new("ZeroDivisionError", msg));
    }
    Ok(a / b)
}

/// Python \`//\` on ints where a ZeroDivisionError can be caught.
fn py_floordiv_r(a: i64, b: i64) -> Result<i64, PyErr> {
    if b == 0 {
        return Err(PyErr::new("ZeroDivisionError", "integer division or modulo by zero"));
    }
    Ok(py_floordiv(a, b))
}

/// Python \`%\` on ints where a ZeroDivisionError can be caught.
fn py_mod_r(a: i64, b: i64) -> Result<i64, PyErr> {
    if b == 0 {
        return Err(PyErr::new("ZeroDivisionError", "integer modulo by zero"));
    }
    Ok(py_mod(a, b))
}`,
  },
  ipow: {
    deps: [],
    code: `
/// Python \`**\` on ints with a non-negative exponent (overflow is an error, never a wrap).
fn py_ipow(base: i64, exp: i64) -> i64 {
    base.checked_pow(exp as u32).expect("OverflowError: integer too large for 64 bits")
}`,
  },
  fmt_float: {
    deps: [],
    code: `
/// Formats a float the way CPython's repr() does.
fn fmt_float(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".to_string() } else { "-inf".to_string() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".to_string() } else { "0.0".to_string() };
    }
    // Shortest round-trip digits and the decimal exponent, then CPython's layout rules.
    let s = format!("{:e}", x);
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let (sign, mant) = match mant.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = (exp + 1) as usize;
            if digits.len() <= int_len {
                format!("{}{}{}.0", sign, digits, "0".repeat(int_len - digits.len()))
            } else {
                format!("{}{}.{}", sign, &digits[..int_len], &digits[int_len..])
            }
        } else {
            format!("{}0.{}{}", sign, "0".repeat((-exp - 1) as usize), digits)
        }
    } else {
        let m = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits };
        format!("{}{}e{}{:02}", sign, m, if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}`,
  },
  pystr: {
    deps: ['fmt_float', 'repr_str'],
    code: `
/// str() and repr() as Python prints them, for every type a translation uses.
trait PyStr {
    fn py_str(&self) -> String {
        self.py_repr()
    }
    fn py_repr(&self) -> String;
}

impl PyStr for i64 {
    fn py_repr(&self) -> String {
        self.to_string()
    }
}
impl PyStr for i32 {
    fn py_repr(&self) -> String {
        self.to_string()
    }
}
impl PyStr for i128 {
    fn py_repr(&self) -> String {
        self.to_string()
    }
}
impl PyStr for usize {
    fn py_repr(&self) -> String {
        self.to_string()
    }
}
impl PyStr for f64 {
    fn py_repr(&self) -> String {
        fmt_float(*self)
    }
}
impl PyStr for bool {
    fn py_repr(&self) -> String {
        (if *self { "True" } else { "False" }).to_string()
    }
}
impl PyStr for () {
    fn py_repr(&self) -> String {
        "None".to_string()
    }
}
impl PyStr for char {
    fn py_str(&self) -> String {
        self.to_string()
    }
    fn py_repr(&self) -> String {
        repr_str(&self.to_string())
    }
}
impl PyStr for String {
    fn py_str(&self) -> String {
        self.clone()
    }
    fn py_repr(&self) -> String {
        repr_str(self)
    }
}
impl PyStr for &str {
    fn py_str(&self) -> String {
        self.to_string()
    }
    fn py_repr(&self) -> String {
        repr_str(self)
    }
}
impl<T: PyStr + ?Sized> PyStr for &T {
    fn py_str(&self) -> String {
        (**self).py_str()
    }
    fn py_repr(&self) -> String {
        (**self).py_repr()
    }
}
impl<T: PyStr> PyStr for Box<T> {
    fn py_str(&self) -> String {
        (**self).py_str()
    }
    fn py_repr(&self) -> String {
        (**self).py_repr()
    }
}
impl<T: PyStr> PyStr for Option<T> {
    fn py_str(&self) -> String {
        match self {
            Some(v) => v.py_str(),
            None => "None".to_string(),
        }
    }
    fn py_repr(&self) -> String {
        match self {
            Some(v) => v.py_repr(),
            None => "None".to_string(),
        }
    }
}
impl<T: PyStr> PyStr for Vec<T> {
    fn py_repr(&self) -> String {
        format!("[{}]", self.iter().map(|x| x.py_repr()).collect::<Vec<_>>().join(", "))
    }
}
impl<T: PyStr> PyStr for [T] {
    fn py_repr(&self) -> String {
        format!("[{}]", self.iter().map(|x| x.py_repr()).collect::<Vec<_>>().join(", "))
    }
}
impl<T: PyStr> PyStr for std::collections::VecDeque<T> {
    fn py_repr(&self) -> String {
        format!("deque([{}])", self.iter().map(|x| x.py_repr()).collect::<Vec<_>>().join(", "))
    }
}
impl<T: PyStr> PyStr for std::collections::BTreeSet<T> {
    fn py_repr(&self) -> String {
        if self.is_empty() {
            return "set()".to_string();
        }
        format!("{{{}}}", self.iter().map(|x| x.py_repr()).collect::<Vec<_>>().join(", "))
    }
}
/// repr() of a variable-length tuple (a Vec in Rust).
fn py_tuple_repr<T: PyStr>(xs: &[T]) -> String {
    let items: Vec<String> = xs.iter().map(|x| x.py_repr()).collect();
    if items.len() == 1 { format!("({},)", items[0]) } else { format!("({})", items.join(", ")) }
}

impl<A: PyStr> PyStr for (A,) {
    fn py_repr(&self) -> String {
        format!("({},)", self.0.py_repr())
    }
}
impl<A: PyStr, B: PyStr> PyStr for (A, B) {
    fn py_repr(&self) -> String {
        format!("({}, {})", self.0.py_repr(), self.1.py_repr())
    }
}
impl<A: PyStr, B: PyStr, C: PyStr> PyStr for (A, B, C) {
    fn py_repr(&self) -> String {
        format!("({}, {}, {})", self.0.py_repr(), self.1.py_repr(), self.2.py_repr())
    }
}
impl<A: PyStr, B: PyStr, C: PyStr, D: PyStr> PyStr for (A, B, C, D) {
    fn py_repr(&self) -> String {
        format!("({}, {}, {}, {})", self.0.py_repr(), self.1.py_repr(), self.2.py_repr(), self.3.py_repr())
    }
}
impl<A: PyStr, B: PyStr, C: PyStr, D: PyStr, E: PyStr> PyStr for (A, B, C, D, E) {
    fn py_repr(&self) -> String {
        format!("({}, {}, {}, {}, {})", self.0.py_repr(), self.1.py_repr(), self.2.py_repr(), self.3.py_repr(), self.4.py_repr())
    }
}
/// PyStr for the longer tuples (6 to 12 fields).
macro_rules! impl_pystr_tuple {
    ($($T:ident $i:tt),+) => {
        impl<$($T: PyStr),+> PyStr for ($($T,)+) {
            fn py_repr(&self) -> String {
                let parts: Vec<String> = vec![$(self.$i.py_repr()),+];
                format!("({})", parts.join(", "))
            }
        }
    };
}
impl_pystr_tuple!(A 0, B 1, C 2, D 3, E 4, F 5);
impl_pystr_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
impl_pystr_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
impl_pystr_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
impl_pystr_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
impl_pystr_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
impl_pystr_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);`,
  },
  repr_str: {
    deps: [],
    code: `
/// repr() of a str: single quotes unless the text has ' and no ".
fn repr_str(s: &str) -> String {
    let quote = if s.contains('\\'') && !s.contains('"') { '"' } else { '\\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\\\' => out.push_str("\\\\\\\\"),
            '\\n' => out.push_str("\\\\n"),
            '\\r' => out.push_str("\\\\r"),
            '\\t' => out.push_str("\\\\t"),
            c if c == quote => {
                out.push('\\\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// ascii(): non-ASCII characters of a repr escaped as \\x.., \\u...., \\U.........
fn py_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\\\x{:02x}", u));
        } else if u < 0x10000 {
            out.push_str(&format!("\\\\u{:04x}", u));
        } else {
            out.push_str(&format!("\\\\U{:08x}", u));
        }
    }
    out
}`,
  },
  dict: {
    deps: ['pystr'],
    code: `
/// A dict that keeps insertion order, like Python's.
#[derive(Clone, Debug, PartialEq)]
struct Dict<K: std::hash::Hash + Eq + Clone, V> {
    index: std::collections::HashMap<K, usize>,
    entries: Vec<(K, V)>,
}

impl<K: std::hash::Hash + Eq + Clone, V> Dict<K, V> {
    fn new() -> Self {
        Dict { index: std::collections::HashMap::new(), entries: Vec::new() }
    }
    fn len(&self) -> usize {
        self.entries.len()
    }
    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    fn contains_key(&self, k: &K) -> bool {
        self.index.contains_key(k)
    }
    fn get(&self, k: &K) -> Option<&V> {
        self.index.get(k).map(|&i| &self.entries[i].1)
    }
    fn get_mut(&mut self, k: &K) -> Option<&mut V> {
        match self.index.get(k) {
            Some(&i) => Some(&mut self.entries[i].1),
            None => None,
        }
    }
    fn insert(&mut self, k: K, v: V) {
        match self.index.get(&k) {
            Some(&i) => self.entries[i].1 = v,
            None => {
                self.index.insert(k.clone(), self.entries.len());
                self.entries.push((k, v));
            }
        }
    }
    fn remove(&mut self, k: &K) -> Option<V> {
        let i = self.index.remove(k)?;
        let (_, v) = self.entries.remove(i);
        for (_, slot) in self.index.iter_mut() {
            if *slot > i {
                *slot -= 1;
            }
        }
        Some(v)
    }
    fn entry_or_insert_with(&mut self, k: K, f: impl FnOnce() -> V) -> &mut V {
        if !self.index.contains_key(&k) {
            self.insert(k.clone(), f());
        }
        let i = self.index[&k];
        &mut self.entries[i].1
    }
    fn keys(&self) -> impl Iterator<Item = &K> + '_ {
        self.entries.iter().map(|(k, _)| k)
    }
    fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.entries.iter().map(|(_, v)| v)
    }
    fn values_mut(&mut self) -> impl Iterator<Item = &mut V> + '_ {
        self.entries.iter_mut().map(|(_, v)| v)
    }
    fn iter(&self) -> impl Iterator<Item = (&K, &V)> + '_ {
        self.entries.iter().map(|(k, v)| (k, v))
    }
    fn clear(&mut self) {
        self.index.clear();
        self.entries.clear();
    }
    fn pop_last(&mut self) -> Option<(K, V)> {
        let (k, v) = self.entries.pop()?;
        self.index.remove(&k);
        Some((k, v))
    }
}

impl<K: std::hash::Hash + Eq + Clone, V> Default for Dict<K, V> {
    fn default() -> Self {
        Dict::new()
    }
}

impl<K: std::hash::Hash + Eq + Clone + PyStr, V> std::ops::Index<&K> for Dict<K, V> {
    type Output = V;
    fn index(&self, k: &K) -> &V {
        match self.get(k) {
            Some(v) => v,
            None => panic!("KeyError: {}", k.py_repr()),
        }
    }
}

impl<K: std::hash::Hash + Eq + Clone + PyStr, V> std::ops::IndexMut<&K> for Dict<K, V> {
    fn index_mut(&mut self, k: &K) -> &mut V {
        let r = k.py_repr();
        match self.get_mut(k) {
            Some(v) => v,
            None => panic!("KeyError: {}", r),
        }
    }
}

fn dict_entry<K, V>(e: &(K, V)) -> (&K, &V) {
    (&e.0, &e.1)
}

impl<'a, K: std::hash::Hash + Eq + Clone, V> IntoIterator for &'a Dict<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(dict_entry as fn(&'a (K, V)) -> (&'a K, &'a V))
    }
}

impl<K: std::hash::Hash + Eq + Clone, V> FromIterator<(K, V)> for Dict<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut d = Dict::new();
        for (k, v) in iter {
            d.insert(k, v);
        }
        d
    }
}

impl<K: std::hash::Hash + Eq + Clone + PyStr, V: PyStr> PyStr for Dict<K, V> {
    fn py_repr(&self) -> String {
        let items: Vec<String> = self.entries.iter().map(|(k, v)| format!("{}: {}", k.py_repr(), v.py_repr())).collect();
        format!("{{{}}}", items.join(", "))
    }
}`,
  },
  str_index: {
    deps: [],
    code: `
/// s[i] for a str: indexes code points, negative from the end.
fn str_at(s: &str, i: i64) -> String {
    let n = s.chars().count() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        panic!("IndexError: string index out of range");
    }
    s.chars().nth(j as usize).unwrap().to_string()
}

/// s[i] for a str inside a handler for IndexError: None when out of range.
fn str_get(s: &str, i: i64) -> Option<String> {
    let n = s.chars().count() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return None;
    }
    s.chars().nth(j as usize).map(|c| c.to_string())
}`,
  },
  slice: {
    deps: [],
    code: `
/// Python slice bounds resolved against a length (clamped, negative from the end).
fn slice_indices(len: usize, start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<usize> {
    let n = len as i64;
    if step == 0 {
        panic!("ValueError: slice step cannot be zero");
    }
    let norm = |v: i64, lo: i64, hi: i64| -> i64 {
        let v = if v < 0 { v + n } else { v };
        v.clamp(lo, hi)
    };
    let mut out = Vec::new();
    if step > 0 {
        let a = start.map_or(0, |v| norm(v, 0, n));
        let b = stop.map_or(n, |v| norm(v, 0, n));
        let mut i = a;
        while i < b {
            out.push(i as usize);
            i += step;
        }
    } else {
        let a = start.map_or(n - 1, |v| norm(v, -1, n - 1));
        let b = stop.map_or(-1, |v| norm(v, -1, n - 1));
        let mut i = a;
        while i > b {
            out.push(i as usize);
            i += step;
        }
    }
    out
}

/// xs[a:b:c] for a list.
fn list_slice<T: Clone>(xs: &[T], start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<T> {
    slice_indices(xs.len(), start, stop, step).into_iter().map(|i| xs[i].clone()).collect()
}

/// s[a:b:c] for a str (by code points).
fn str_slice(s: &str, start: Option<i64>, stop: Option<i64>, step: i64) -> String {
    let chars: Vec<char> = s.chars().collect();
    slice_indices(chars.len(), start, stop, step).into_iter().map(|i| chars[i]).collect()
}`,
  },
  pyrange: {
    deps: ['pystr'],
    code: `
/// A Python range object kept as a value (printed, indexed, sliced, searched).
#[derive(Clone, Copy, Debug, PartialEq)]
struct PyRange {
    start: i64,
    stop: i64,
    step: i64,
}

impl PyRange {
    fn new(start: i64, stop: i64, step: i64) -> Self {
        if step == 0 {
            panic!("ValueError: range() arg 3 must not be zero");
        }
        PyRange { start, stop, step }
    }
    fn len(&self) -> usize {
        let n = if self.step > 0 {
            (self.stop - self.start + self.step - 1) / self.step
        } else {
            (self.start - self.stop - self.step - 1) / -self.step
        };
        n.max(0) as usize
    }
    fn get(&self, i: i64) -> i64 {
        let n = self.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            panic!("IndexError: range object index out of range");
        }
        self.start + j * self.step
    }
    fn contains(&self, x: &i64) -> bool {
        let x = *x;
        if self.step > 0 {
            x >= self.start && x < self.stop && (x - self.start) % self.step == 0
        } else {
            x <= self.start && x > self.stop && (self.start - x) % -self.step == 0
        }
    }
    fn index(&self, x: i64) -> i64 {
        if !self.contains(&x) {
            panic!("ValueError: {} is not in range", x);
        }
        (x - self.start) / self.step
    }
    /// r[a:b:c] is again a range.
    fn slice(&self, lo: Option<i64>, hi: Option<i64>, k: i64) -> PyRange {
        let n = self.len() as i64;
        let norm = |v: i64, min: i64, max: i64| (if v < 0 { v + n } else { v }).clamp(min, max);
        let (a, b) = if k > 0 {
            (lo.map_or(0, |v| norm(v, 0, n)), hi.map_or(n, |v| norm(v, 0, n)))
        } else {
            (lo.map_or(n - 1, |v| norm(v, -1, n - 1)), hi.map_or(-1, |v| norm(v, -1, n - 1)))
        };
        PyRange::new(self.start + a * self.step, self.start + b * self.step, self.step * k)
    }
    fn iter(&self) -> impl Iterator<Item = i64> {
        let r = *self;
        (0..r.len() as i64).map(move |i| r.start + i * r.step)
    }
}

impl std::fmt::Display for PyRange {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        if self.step == 1 {
            write!(f, "range({}, {})", self.start, self.stop)
        } else {
            write!(f, "range({}, {}, {})", self.start, self.stop, self.step)
        }
    }
}

impl PyStr for PyRange {
    fn py_repr(&self) -> String {
        self.to_string()
    }
}`,
  },
  list_slice_mut: {
    deps: ['slice'],
    code: `
/// xs[a:b:c] = items: a step of 1 may change the length; an extended slice must match in size.
fn list_set_slice<T>(xs: &mut Vec<T>, start: Option<i64>, stop: Option<i64>, step: i64, items: Vec<T>) {
    if step == 1 {
        let n = xs.len() as i64;
        let norm = |v: i64| -> usize { (if v < 0 { v + n } else { v }).clamp(0, n) as usize };
        let a = start.map_or(0, norm);
        let b = stop.map_or(xs.len(), norm).max(a);
        xs.splice(a..b, items);
        return;
    }
    let idx = slice_indices(xs.len(), start, stop, step);
    if idx.len() != items.len() {
        panic!("ValueError: attempt to assign sequence of size {} to extended slice of size {}", items.len(), idx.len());
    }
    for (i, v) in idx.into_iter().zip(items) {
        xs[i] = v;
    }
}

/// del xs[a:b:c]
fn list_del_slice<T>(xs: &mut Vec<T>, start: Option<i64>, stop: Option<i64>, step: i64) {
    let mut idx = slice_indices(xs.len(), start, stop, step);
    idx.sort_unstable();
    for i in idx.into_iter().rev() {
        xs.remove(i);
    }
}`,
  },
  list_index: {
    deps: [],
    code: `
/// Resolves a Python index (negative from the end) or raises IndexError.
fn py_index(len: usize, i: i64) -> usize {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        panic!("IndexError: list index out of range");
    }
    j as usize
}`,
  },
  exc: {
    deps: [],
    code: `
/// A raised Python exception: its class name, message, \`__cause__\` (\`raise ... from\`) and
/// the attributes a user exception class sets in its \`__init__\`.
#[derive(Clone)]
struct PyErr {
    kind: &'static str,
    msg: String,
    cause: Option<Box<PyErr>>,
    data: Option<std::rc::Rc<dyn std::any::Any>>,
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.msg)
    }
}

impl PartialEq for PyErr {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.msg == other.msg
    }
}

impl PyErr {
    fn new(kind: &'static str, msg: impl Into<String>) -> Self {
        PyErr { kind, msg: msg.into(), cause: None, data: None }
    }
    /// Attaches the exception object's attributes.
    fn with_data<D: 'static>(mut self, data: D) -> Self {
        self.data = Some(std::rc::Rc::new(data));
        self
    }
    /// The attributes, as set by the class whose \`__init__\` built them.
    fn data<D: 'static>(&self) -> &D {
        self.data.as_ref().and_then(|d| d.downcast_ref::<D>()).expect("AttributeError")
    }
    /// \`raise self from cause\`.
    fn with_cause(mut self, cause: Option<PyErr>) -> Self {
        self.cause = cause.map(Box::new);
        self
    }
    /// isinstance(e, kind): walks the class hierarchy.
    fn is(&self, kind: &str) -> bool {
        let mut k = Some(self.kind);
        while let Some(c) = k {
            if c == kind {
                return true;
            }
            k = exc_parent(c);
        }
        false
    }
}

impl std::fmt::Display for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}", self.msg)
    }
}

/// An exception nobody caught: Python prints a traceback and exits with status 1.
fn py_uncaught(e: PyErr) -> ! {
    if e.kind == "SystemExit" {
        // sys.exit(code) left the program: the int status, or the message on stderr and 1.
        match e.data.as_ref().and_then(|d| d.downcast_ref::<(Option<i64>, Option<String>)>()) {
            Some((_, Some(m))) => {
                eprintln!("{}", m);
                std::process::exit(1)
            }
            Some((n, None)) => std::process::exit(n.unwrap_or(0) as i32),
            None => std::process::exit(e.msg.parse().unwrap_or(if e.msg.is_empty() { 0 } else { 1 })),
        }
    }
    eprintln!("Traceback (most recent call last):");
    if e.msg.is_empty() {
        eprintln!("{}", e.kind);
    } else {
        eprintln!("{}: {}", e.kind, e.msg);
    }
    std::process::exit(1)
}`,
  },
  sysexit: {
    deps: ['exc', 'obj'],
    code: `
/// SystemExit as raised by sys.exit(code): the code is an int status, a message, or None.
fn system_exit(code: &Obj) -> PyErr {
    let data: (Option<i64>, Option<String>) = match code {
        Obj::None => (None, None),
        Obj::Int(n) => (Some(*n), None),
        Obj::Bool(b) => (Some(*b as i64), None),
        other => (None, Some(other.py_str())),
    };
    PyErr::new("SystemExit", if let Obj::None = code { String::new() } else { code.py_str() }).with_data(data)
}

/// SystemExit.code: the value given to sys.exit() / SystemExit().
fn exit_code(e: &PyErr) -> Obj {
    match e.data.as_ref().and_then(|d| d.downcast_ref::<(Option<i64>, Option<String>)>()) {
        Some((_, Some(m))) => Obj::Str(m.clone()),
        Some((Some(n), None)) => Obj::Int(*n),
        _ => Obj::None,
    }
}`,
  },
  panic_hook: {
    deps: [],
    code: `
/// Runtime errors (IndexError, ZeroDivisionError, ...) exit with status 1 like CPython, not 101.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "error".to_string()
        };
        eprintln!("Traceback (most recent call last):\\n{}", msg);
        std::process::exit(1);
    }));
}`,
  },
  parse_int: {
    deps: ['exc', 'repr_str'],
    code: `
/// int(s) for a str: ValueError with CPython's message on bad input.
fn py_int(s: &str) -> Result<i64, PyErr> {
    let t = s.trim().replace('_', "");
    t.parse::<i64>().map_err(|_| PyErr::new("ValueError", format!("invalid literal for int() with base 10: {}", repr_str(s))))
}

/// int(s, base) for a str.
fn py_int_radix(s: &str, base: i64) -> Result<i64, PyErr> {
    let err = || PyErr::new("ValueError", format!("invalid literal for int() with base {}: {}", base, repr_str(s)));
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let prefix = match base {
        16 => ["0x", "0X"],
        8 => ["0o", "0O"],
        2 => ["0b", "0B"],
        _ => ["", ""],
    };
    let body = prefix.iter().filter(|p| !p.is_empty()).find_map(|p| body.strip_prefix(p)).unwrap_or(body);
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return Err(err());
    }
    let v = i64::from_str_radix(&body.replace('_', ""), base as u32).map_err(|_| err())?;
    Ok(if neg { -v } else { v })
}`,
  },
  parse_float: {
    deps: ['exc', 'repr_str'],
    code: `
/// float(s) for a str.
fn py_float(s: &str) -> Result<f64, PyErr> {
    let t = s.trim().to_lowercase();
    match t.as_str() {
        "inf" | "+inf" | "infinity" => return Ok(f64::INFINITY),
        "-inf" | "-infinity" => return Ok(f64::NEG_INFINITY),
        "nan" => return Ok(f64::NAN),
        _ => {}
    }
    t.parse::<f64>().map_err(|_| PyErr::new("ValueError", format!("could not convert string to float: {}", repr_str(s))))
}`,
  },
  gcd: {
    deps: [],
    code: `
/// math.gcd: always non-negative.
fn py_gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

/// math.lcm: always non-negative, 0 when either is 0.
fn py_lcm(a: i64, b: i64) -> i64 {
    if a == 0 || b == 0 {
        return 0;
    }
    (a / py_gcd(a, b) * b).abs()
}`,
  },
  isqrt: {
    deps: [],
    code: `
/// math.isqrt: the exact integer square root.
fn py_isqrt(n: i64) -> i64 {
    if n < 0 {
        panic!("ValueError: isqrt() argument must be nonnegative");
    }
    let mut r = (n as f64).sqrt() as i64;
    while r * r > n {
        r -= 1;
    }
    while (r + 1) * (r + 1) <= n {
        r += 1;
    }
    r
}`,
  },
  math_domain: {
    deps: ['exc'],
    code: `
/// A math function's argument check: ValueError("math domain error") like CPython.
fn py_math_domain(ok: bool, v: f64) -> Result<f64, PyErr> {
    if ok { Ok(v) } else { Err(PyErr::new("ValueError", "math domain error")) }
}`,
  },
  round: {
    deps: [],
    code: `
/// round(x, n) like CPython: half-even on the decimal value of the binary double.
fn py_round(x: f64, n: i32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if n < 0 {
        let p = 10f64.powi(-n);
        return (x / p).round_ties_even() * p;
    }
    let s = format!("{:.*}", n as usize, x);
    s.parse().unwrap()
}

/// round(i, n) for an int: n >= 0 keeps it; n < 0 rounds half-even to a multiple of 10**-n.
fn py_round_int(x: i64, n: i64) -> i64 {
    if n >= 0 {
        return x;
    }
    let p = 10i64.pow((-n) as u32);
    let q = x.div_euclid(p);
    let r = x.rem_euclid(p);
    let q = if 2 * r > p || (2 * r == p && q % 2 != 0) { q + 1 } else { q };
    q * p
}`,
  },
  itertools: {
    deps: [],
    code: `
/// itertools.permutations: r-length orderings of the items, in CPython's (index) order.
fn py_permutations<T: Clone>(items: &[T], r: usize) -> Vec<Vec<T>> {
    fn go<T: Clone>(items: &[T], r: usize, used: &mut Vec<bool>, cur: &mut Vec<usize>, out: &mut Vec<Vec<T>>) {
        if cur.len() == r {
            out.push(cur.iter().map(|&i| items[i].clone()).collect());
            return;
        }
        for i in 0..items.len() {
            if !used[i] {
                used[i] = true;
                cur.push(i);
                go(items, r, used, cur, out);
                cur.pop();
                used[i] = false;
            }
        }
    }
    let mut out = Vec::new();
    if r <= items.len() {
        go(items, r, &mut vec![false; items.len()], &mut Vec::new(), &mut out);
    }
    out
}

/// itertools.combinations (repeat = false) and combinations_with_replacement (repeat = true).
fn py_choose<T: Clone>(items: &[T], r: usize, repeat: bool) -> Vec<Vec<T>> {
    fn go<T: Clone>(items: &[T], r: usize, repeat: bool, from: usize, cur: &mut Vec<usize>, out: &mut Vec<Vec<T>>) {
        if cur.len() == r {
            out.push(cur.iter().map(|&i| items[i].clone()).collect());
            return;
        }
        for i in from..items.len() {
            cur.push(i);
            go(items, r, repeat, if repeat { i } else { i + 1 }, cur, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    go(items, r, repeat, 0, &mut Vec::new(), &mut out);
    out
}

fn py_combinations<T: Clone>(items: &[T], r: usize) -> Vec<Vec<T>> {
    py_choose(items, r, false)
}

fn py_combinations_wr<T: Clone>(items: &[T], r: usize) -> Vec<Vec<T>> {
    py_choose(items, r, true)
}

/// itertools.groupby: runs of consecutive items with equal keys.
fn py_groupby<T, K: PartialEq>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<(K, Vec<T>)> {
    let mut out: Vec<(K, Vec<T>)> = Vec::new();
    for x in items {
        let k = key(&x);
        match out.last_mut() {
            Some((lk, g)) if *lk == k => g.push(x),
            _ => out.push((k, vec![x])),
        }
    }
    out
}`,
  },
  exc_repr: {
    deps: ['exc', 'repr_str'],
    code: `
/// repr(e) of an exception: \`ValueError('bad')\` (a KeyError's message is already its key's repr).
fn exc_repr(e: &PyErr) -> String {
    if e.msg.is_empty() {
        format!("{}()", e.kind)
    } else if e.kind == "KeyError" {
        format!("{}({})", e.kind, e.msg)
    } else {
        format!("{}({})", e.kind, repr_str(&e.msg))
    }
}`,
  },
  exc_args: {
    deps: ['exc'],
    code: `
/// e.args as text items: the message (none when empty); a KeyError's message is its key's
/// repr, so a str key is read back from its quotes.
fn exc_args(e: &PyErr) -> Vec<String> {
    if e.msg.is_empty() {
        return Vec::new();
    }
    let m = &e.msg;
    let quoted = m.len() >= 2 && (m.starts_with('\\'') && m.ends_with('\\'') || m.starts_with('"') && m.ends_with('"'));
    if e.is("KeyError") && quoted {
        let inner = &m[1..m.len() - 1];
        return vec![inner.replace("\\\\'", "'").replace("\\\\\\\\", "\\\\")];
    }
    vec![m.clone()]
}`,
  },
  counter: {
    deps: ['dict', 'pystr'],
    code: `
/// Counter's items, most common first (ties keep insertion order, like most_common()).
fn counter_most_common<K: std::hash::Hash + Eq + Clone>(c: &Dict<K, i64>) -> Vec<(K, i64)> {
    let mut v: Vec<(K, i64)> = c.iter().map(|(k, n)| (k.clone(), *n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    v
}

/// str(Counter): \`Counter({'a': 2, 'b': 1})\`, most common first.
fn counter_str<K: std::hash::Hash + Eq + Clone + PyStr>(c: &Dict<K, i64>) -> String {
    if c.is_empty() {
        return "Counter()".to_string();
    }
    let items: Vec<String> = counter_most_common(c).iter().map(|(k, n)| format!("{}: {}", k.py_repr(), n)).collect();
    format!("Counter({{{}}})", items.join(", "))
}

/// Counter arithmetic: + (sum), - (difference), & (min), | (max); only positive counts stay.
fn counter_op<K: std::hash::Hash + Eq + Clone>(a: &Dict<K, i64>, b: &Dict<K, i64>, op: char) -> Dict<K, i64> {
    let mut out = Dict::new();
    for (k, &x) in a.iter() {
        let y = b.get(k).copied().unwrap_or(0);
        let n = match op {
            '+' => x + y,
            '-' => x - y,
            '&' => x.min(y),
            _ => x.max(y),
        };
        if n > 0 {
            out.insert(k.clone(), n);
        }
    }
    if op == '+' || op == '|' {
        for (k, &y) in b.iter() {
            if !a.contains_key(k) && y > 0 {
                out.insert(k.clone(), y);
            }
        }
    }
    out
}

/// Counter.elements(): each key repeated by its count, in insertion order.
fn counter_elements<K: std::hash::Hash + Eq + Clone>(c: &Dict<K, i64>) -> Vec<K> {
    c.iter().flat_map(|(k, &n)| std::iter::repeat(k.clone()).take(n.max(0) as usize)).collect()
}`,
  },
  lru_cache: {
    deps: [],
    code: `
/// The memo table behind functools.lru_cache / cache, with cache_info() counters.
struct MemoTable<K, V> {
    map: std::collections::HashMap<K, V>,
    hits: i64,
    misses: i64,
}

/// What cache_info() reports.
struct CacheInfo {
    hits: i64,
    misses: i64,
    currsize: i64,
}

impl<K: std::hash::Hash + Eq, V: Clone> MemoTable<K, V> {
    fn new() -> Self {
        MemoTable { map: std::collections::HashMap::new(), hits: 0, misses: 0 }
    }
    fn get(&mut self, key: &K) -> Option<V> {
        let v = self.map.get(key).cloned();
        if v.is_some() {
            self.hits += 1;
        } else {
            self.misses += 1;
        }
        v
    }
    fn put(&mut self, key: K, v: V) {
        self.map.insert(key, v);
    }
    fn info(&self) -> CacheInfo {
        CacheInfo { hits: self.hits, misses: self.misses, currsize: self.map.len() as i64 }
    }
    fn clear(&mut self) {
        self.map.clear();
        self.hits = 0;
        self.misses = 0;
    }
}`,
  },
  unpack: {
    deps: ['exc'],
    code: `
/// \`a, b = seq\`: the sequence must have exactly n items.
fn py_unpack_len(len: usize, n: usize) -> Result<(), PyErr> {
    if len < n {
        return Err(PyErr::new("ValueError", format!("not enough values to unpack (expected {}, got {})", n, len)));
    }
    if len > n {
        return Err(PyErr::new("ValueError", format!("too many values to unpack (expected {})", n)));
    }
    Ok(())
}`,
  },
  fsum: {
    deps: [],
    code: `
/// math.fsum: the correctly rounded sum of floats (Shewchuk's partials, like CPython).
fn py_fsum(xs: impl Iterator<Item = f64>) -> f64 {
    let mut p: Vec<f64> = Vec::new();
    for mut x in xs {
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        p.push(x);
    }
    let mut n = p.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = p[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = p[n];
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    hi
}`,
  },
  sort_key: {
    deps: [],
    code: `
/// Total order for sorting values that may hold floats (Python compares them with <).
fn py_cmp<T: PartialOrd>(a: &T, b: &T) -> std::cmp::Ordering {
    a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal)
}`,
  },
  stdin: {
    deps: [],
    code: `
/// Iterating sys.stdin: its lines, each with its trailing newline.
fn py_stdin_lines() -> impl Iterator<Item = String> {
    std::iter::from_fn(|| {
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line),
        }
    })
}

/// sys.stdin.read(): the rest of standard input.
fn py_stdin_read() -> String {
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).ok();
    s
}

/// sys.stdin.readline(): one line with its newline ("" at the end of input).
fn py_stdin_readline() -> String {
    let mut s = String::new();
    std::io::stdin().read_line(&mut s).ok();
    s
}`,
  },
  input_r: {
    deps: ['exc'],
    code: `
/// input() where EOFError can be caught.
fn py_input_r(prompt: &str) -> Result<String, PyErr> {
    use std::io::Write;
    print!("{}", prompt);
    std::io::stdout().flush().ok();
    let mut line = String::new();
    if std::io::stdin().read_line(&mut line).unwrap_or(0) == 0 {
        return Err(PyErr::new("EOFError", "EOF when reading a line"));
    }
    if line.ends_with('\\n') {
        line.pop();
        if line.ends_with('\\r') {
            line.pop();
        }
    }
    Ok(line)
}`,
  },
  input: {
    deps: [],
    code: `
/// input(): one line from stdin without its newline; EOFError at end of input.
fn py_input(prompt: &str) -> String {
    use std::io::Write;
    print!("{}", prompt);
    std::io::stdout().flush().ok();
    let mut line = String::new();
    if std::io::stdin().read_line(&mut line).unwrap_or(0) == 0 {
        panic!("EOFError: EOF when reading a line");
    }
    if line.ends_with('\\n') {
        line.pop();
        if line.ends_with('\\r') {
            line.pop();
        }
    }
    line
}`,
  },
  format: {
    deps: ['fmt_float'],
    code: `
struct FmtSpec {
    fill: char,
    align: Option<char>,
    sign: char,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str) -> FmtSpec {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut f = FmtSpec { fill: ' ', align: None, sign: '-', alt: false, zero: false, width: 0, grouping: None, precision: None, ty: None };
    if c.len() >= 2 && "<>^=".contains(c[1]) {
        f.fill = c[0];
        f.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && "<>^=".contains(c[0]) {
        f.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && "+- ".contains(c[i]) {
        f.sign = c[i];
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        f.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        f.zero = true;
        i += 1;
    }
    let mut w = String::new();
    while i < c.len() && c[i].is_ascii_digit() {
        w.push(c[i]);
        i += 1;
    }
    f.width = w.parse().unwrap_or(0);
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        f.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let mut p = String::new();
        while i < c.len() && c[i].is_ascii_digit() {
            p.push(c[i]);
            i += 1;
        }
        f.precision = Some(p.parse().unwrap_or(0));
    }
    if i < c.len() {
        f.ty = Some(c[i]);
    }
    f
}

fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let (int_part, rest) = match digits.find('.') {
        Some(p) => (&digits[..p], &digits[p..]),
        None => (digits, ""),
    };
    let mut out = String::new();
    let n = int_part.len();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out + rest
}

fn pad(body: String, sign: &str, prefix: &str, f: &FmtSpec, default_right: bool) -> String {
    let len = body.chars().count() + sign.chars().count() + prefix.chars().count();
    if f.width <= len {
        return format!("{}{}{}", sign, prefix, body);
    }
    let fillc = f.width - len;
    let align = f.align.unwrap_or(if f.zero { '=' } else if default_right { '>' } else { '<' });
    let fill = if f.zero && f.align.is_none() { '0' } else { f.fill };
    let rep = |n: usize| std::iter::repeat(fill).take(n).collect::<String>();
    match align {
        '<' => format!("{}{}{}{}", sign, prefix, body, rep(fillc)),
        '^' => format!("{}{}{}{}{}", rep(fillc / 2), sign, prefix, body, rep(fillc - fillc / 2)),
        '=' => format!("{}{}{}{}", sign, prefix, rep(fillc), body),
        _ => format!("{}{}{}{}", rep(fillc), sign, prefix, body),
    }
}

fn sign_str(neg: bool, f: &FmtSpec) -> &'static str {
    if neg {
        "-"
    } else if f.sign == '+' {
        "+"
    } else if f.sign == ' ' {
        " "
    } else {
        ""
    }
}

/// format(int, spec)
fn fmt_int(v: i64, spec: &str) -> String {
    let f = parse_spec(spec);
    if matches!(f.ty, Some('e') | Some('E') | Some('f') | Some('F') | Some('g') | Some('G') | Some('%')) {
        return fmt_f64(v as f64, spec);
    }
    if f.ty == Some('c') {
        return pad(char::from_u32(v as u32).unwrap_or('?').to_string(), "", "", &f, false);
    }
    let a = v.unsigned_abs();
    let (body, prefix) = match f.ty {
        Some('x') => (format!("{:x}", a), "0x"),
        Some('X') => (format!("{:X}", a), "0X"),
        Some('o') => (format!("{:o}", a), "0o"),
        Some('b') => (format!("{:b}", a), "0b"),
        _ => (a.to_string(), ""),
    };
    let body = match f.grouping {
        Some(sep) => group_digits(&body, sep, if f.ty.map_or(false, |t| "xXob".contains(t)) { 4 } else { 3 }),
        None => body,
    };
    pad(body, sign_str(v < 0, &f), if f.alt { prefix } else { "" }, &f, true)
}

/// format(float, spec)
fn fmt_f64(v: f64, spec: &str) -> String {
    let f = parse_spec(spec);
    let a = v.abs();
    let neg = v.is_sign_negative() && !(v == 0.0 && f.ty.is_none()) || v < 0.0;
    let body = if a.is_infinite() {
        "inf".to_string()
    } else if a.is_nan() {
        "nan".to_string()
    } else {
        match f.ty {
            Some('f') | Some('F') => format!("{:.*}", f.precision.unwrap_or(6), a),
            Some('%') => format!("{:.*}%", f.precision.unwrap_or(6), a * 100.0),
            Some('e') | Some('E') => {
                let s = format!("{:.*e}", f.precision.unwrap_or(6), a);
                let (m, e) = s.split_once('e').unwrap();
                let e: i32 = e.parse().unwrap();
                let s = format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs());
                if f.ty == Some('E') { s.to_uppercase() } else { s }
            }
            Some('g') | Some('G') | Some('n') => fmt_general(a, f.precision.unwrap_or(6), f.alt),
            _ => match f.precision {
                Some(p) => fmt_general(a, p.max(1), false),
                None => fmt_float(a),
            },
        }
    };
    let body = match f.grouping {
        Some(sep) => group_digits(&body, sep, 3),
        None => body,
    };
    pad(body, sign_str(neg && v != 0.0 || (v == 0.0 && v.is_sign_negative()), &f), "", &f, true)
}

/// The 'g' presentation: precision significant digits, exponent form when it is short.
fn fmt_general(a: f64, p: usize, alt: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        return "0".to_string();
    }
    let exp = format!("{:.*e}", p - 1, a).split_once('e').unwrap().1.parse::<i32>().unwrap();
    if exp < -4 || exp >= p as i32 {
        let s = format!("{:.*e}", p - 1, a);
        let (m, e) = s.split_once('e').unwrap();
        let m = if alt || !m.contains('.') { m.to_string() } else { m.trim_end_matches('0').trim_end_matches('.').to_string() };
        let e: i32 = e.parse().unwrap();
        format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs())
    } else {
        let s = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a);
        if alt || !s.contains('.') { s } else { s.trim_end_matches('0').trim_end_matches('.').to_string() }
    }
}

/// format(str, spec)
fn fmt_str(s: &str, spec: &str) -> String {
    let f = parse_spec(spec);
    let s: String = match f.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    pad(s, "", "", &f, false)
}`,
  },
  str_methods: {
    deps: [],
    code: `
/// str.split() with no separator: runs of whitespace, no empty strings.
fn split_ws(s: &str) -> Vec<String> {
    s.split_whitespace().map(|x| x.to_string()).collect()
}

/// str.title()
fn str_title(s: &str) -> String {
    let mut out = String::new();
    let mut prev_alpha = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if prev_alpha {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_alpha = true;
        } else {
            out.push(c);
            prev_alpha = false;
        }
    }
    out
}

/// str.capitalize()
fn str_capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
        None => String::new(),
    }
}

/// str.center(width, fill)
fn str_center(s: &str, width: i64, fill: char) -> String {
    let n = s.chars().count() as i64;
    if width <= n {
        return s.to_string();
    }
    let total = (width - n) as usize;
    // CPython puts the extra fill char on the left when the string length is odd... and width even.
    let left = total / 2 + (total & width as usize & 1);
    let right = total - left;
    format!("{}{}{}", std::iter::repeat(fill).take(left).collect::<String>(), s, std::iter::repeat(fill).take(right).collect::<String>())
}

/// str.ljust / str.rjust
fn str_just(s: &str, width: i64, fill: char, left: bool) -> String {
    let n = s.chars().count() as i64;
    if width <= n {
        return s.to_string();
    }
    let pad: String = std::iter::repeat(fill).take((width - n) as usize).collect();
    if left { format!("{}{}", s, pad) } else { format!("{}{}", pad, s) }
}

/// str.zfill(width)
fn str_zfill(s: &str, width: i64) -> String {
    let n = s.chars().count() as i64;
    if width <= n {
        return s.to_string();
    }
    let zeros: String = std::iter::repeat('0').take((width - n) as usize).collect();
    match s.chars().next() {
        Some(c) if c == '-' || c == '+' => format!("{}{}{}", c, zeros, &s[1..]),
        _ => format!("{}{}", zeros, s),
    }
}

/// str.find(sub) in code points; -1 when absent.
fn str_find(s: &str, sub: &str) -> i64 {
    match s.find(sub) {
        Some(b) => s[..b].chars().count() as i64,
        None => -1,
    }
}

/// str.rfind(sub) in code points; -1 when absent.
fn str_rfind(s: &str, sub: &str) -> i64 {
    match s.rfind(sub) {
        Some(b) => s[..b].chars().count() as i64,
        None => -1,
    }
}

/// str * n
fn str_repeat(s: &str, n: i64) -> String {
    if n <= 0 { String::new() } else { s.repeat(n as usize) }
}

/// str.swapcase()
fn str_swapcase(s: &str) -> String {
    s.chars().map(|c| if c.is_uppercase() { c.to_lowercase().collect::<String>() } else { c.to_uppercase().collect::<String>() }).collect()
}`,
  },
  obj: {
    deps: ['pystr', 'fmod'],
    code: `
/// A Python value whose type varies at run time (a list mixing ints and strs, a dict of mixed
/// values): the union types of a translation.
#[derive(Clone, Debug)]
enum Obj {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Obj>),
    Tuple(Vec<Obj>),
    Dict(Vec<(Obj, Obj)>),
    Set(Vec<Obj>),
}

#[allow(dead_code)]
impl Obj {
    fn num(&self) -> Option<f64> {
        match self {
            Obj::Bool(b) => Some(*b as i64 as f64),
            Obj::Int(i) => Some(*i as f64),
            Obj::Float(f) => Some(*f),
            _ => None,
        }
    }
    /// float(x) of a numeric value.
    fn as_f64(&self) -> f64 {
        self.num().unwrap_or_else(|| panic!("TypeError: must be real number, not {}", self.type_name()))
    }
    fn as_i64_opt(&self) -> Option<i64> {
        match self {
            Obj::Bool(b) => Some(*b as i64),
            Obj::Int(i) => Some(*i),
            _ => None,
        }
    }
    /// int value of an int/bool.
    fn as_i64(&self) -> i64 {
        match self {
            Obj::Bool(b) => *b as i64,
            Obj::Int(i) => *i,
            _ => panic!("TypeError: '{}' object cannot be interpreted as an integer", self.type_name()),
        }
    }
    /// The text of a str value (a TypeError for any other type).
    fn to_str(&self) -> String {
        match self {
            Obj::Str(s) => s.clone(),
            _ => panic!("TypeError: expected str, got {}", self.type_name()),
        }
    }
    /// iter(x): a list/tuple/set's items, a dict's keys, a str's characters.
    fn items(&self) -> Vec<Obj> {
        match self {
            Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => v.clone(),
            Obj::Dict(v) => v.iter().map(|(k, _)| k.clone()).collect(),
            Obj::Str(s) => s.chars().map(|c| Obj::Str(c.to_string())).collect(),
            _ => panic!("TypeError: '{}' object is not iterable", self.type_name()),
        }
    }
    /// A dict's (key, value) pairs: its items().
    fn pairs(&self) -> Vec<(Obj, Obj)> {
        match self {
            Obj::Dict(v) => v.clone(),
            _ => panic!("AttributeError: '{}' object has no attribute 'items'", self.type_name()),
        }
    }
    /// The list inside, to change it in place (\`x.append(v)\` on a tagged value).
    fn list_mut(&mut self, method: &str) -> &mut Vec<Obj> {
        match self {
            Obj::List(v) => v,
            _ => panic!("AttributeError: '{}' object has no attribute '{}'", self.type_name(), method),
        }
    }
    /// \`x in self\` for a tagged container.
    fn has(&self, x: &Obj) -> bool {
        match self {
            Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => v.iter().any(|y| y == x),
            Obj::Dict(v) => v.iter().any(|(k, _)| k == x),
            Obj::Str(s) => match x {
                Obj::Str(n) => s.contains(n.as_str()),
                _ => panic!("TypeError: 'in <string>' requires string as left operand, not {}", x.type_name()),
            },
            _ => panic!("TypeError: argument of type '{}' is not iterable", self.type_name()),
        }
    }
    /// The items of a list or tuple (after a check that it is one).
    fn seq(&self) -> &[Obj] {
        match self {
            Obj::List(v) | Obj::Tuple(v) => v,
            _ => panic!("TypeError: '{}' object is not a sequence", self.type_name()),
        }
    }
    /// x[k]: a list/tuple/str item by position, a dict value by key.
    fn get_item(&self, k: &Obj) -> Obj {
        let at = |n: usize, what: &str| -> usize {
            let i = k.as_i64();
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                panic!("IndexError: {} index out of range", what);
            }
            j as usize
        };
        match self {
            Obj::List(v) => v[at(v.len(), "list")].clone(),
            Obj::Tuple(v) => v[at(v.len(), "tuple")].clone(),
            Obj::Str(s) => Obj::Str(s.chars().nth(at(s.chars().count(), "string")).unwrap().to_string()),
            Obj::Dict(v) => v.iter().find(|(x, _)| x == k).map(|(_, x)| x.clone()).unwrap_or_else(|| panic!("KeyError: {}", k.py_repr())),
            _ => panic!("TypeError: '{}' object is not subscriptable", self.type_name()),
        }
    }
    /// int(x): truncates floats.
    fn to_int(&self) -> i64 {
        match self {
            Obj::Float(f) => f.trunc() as i64,
            Obj::Str(s) => s.trim().parse().unwrap_or_else(|_| panic!("ValueError: invalid literal for int() with base 10: {}", repr_str(s))),
            _ => self.as_i64(),
        }
    }
    fn type_name(&self) -> &'static str {
        match self {
            Obj::None => "NoneType",
            Obj::Bool(_) => "bool",
            Obj::Int(_) => "int",
            Obj::Float(_) => "float",
            Obj::Str(_) => "str",
            Obj::List(_) => "list",
            Obj::Tuple(_) => "tuple",
            Obj::Dict(_) => "dict",
            Obj::Set(_) => "set",
        }
    }
    fn is_none(&self) -> bool {
        matches!(self, Obj::None)
    }
    fn is_some(&self) -> bool {
        !self.is_none()
    }
    /// len(x)
    fn len(&self) -> usize {
        match self {
            Obj::Str(s) => s.chars().count(),
            Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => v.len(),
            Obj::Dict(v) => v.len(),
            _ => panic!("TypeError: object of type '{}' has no len()", self.type_name()),
        }
    }
    fn rank(&self) -> u8 {
        match self {
            Obj::None => 0,
            Obj::Bool(_) | Obj::Int(_) | Obj::Float(_) => 1,
            Obj::Str(_) => 2,
            Obj::List(_) => 3,
            Obj::Tuple(_) => 4,
            Obj::Dict(_) => 5,
            Obj::Set(_) => 6,
        }
    }
    fn truthy(&self) -> bool {
        match self {
            Obj::None => false,
            Obj::Bool(b) => *b,
            Obj::Int(i) => *i != 0,
            Obj::Float(f) => *f != 0.0,
            Obj::Str(s) => !s.is_empty(),
            Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => !v.is_empty(),
            Obj::Dict(v) => !v.is_empty(),
        }
    }
}

impl PartialEq for Obj {
    fn eq(&self, o: &Obj) -> bool {
        match (self, o) {
            (Obj::None, Obj::None) => true,
            (Obj::Str(a), Obj::Str(b)) => a == b,
            (Obj::List(a), Obj::List(b)) | (Obj::Tuple(a), Obj::Tuple(b)) => a == b,
            (Obj::Dict(a), Obj::Dict(b)) => a.len() == b.len() && a.iter().all(|(k, v)| b.iter().any(|(k2, v2)| k == k2 && v == v2)),
            (Obj::Set(a), Obj::Set(b)) => a.len() == b.len() && a.iter().all(|x| b.contains(x)),
            _ => match (self.num(), o.num()) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            },
        }
    }
}

impl PartialOrd for Obj {
    fn partial_cmp(&self, o: &Obj) -> Option<std::cmp::Ordering> {
        match (self, o) {
            (Obj::Str(a), Obj::Str(b)) => a.partial_cmp(b),
            (Obj::List(a), Obj::List(b)) | (Obj::Tuple(a), Obj::Tuple(b)) => a.partial_cmp(b),
            _ => match (self.num(), o.num()) {
                (Some(x), Some(y)) => x.partial_cmp(&y),
                _ => None,
            },
        }
    }
}

impl Eq for Obj {}

impl Ord for Obj {
    /// Python raises TypeError comparing unrelated types; here they order by type.
    fn cmp(&self, o: &Obj) -> std::cmp::Ordering {
        self.partial_cmp(o).unwrap_or_else(|| self.rank().cmp(&o.rank()))
    }
}

impl std::hash::Hash for Obj {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        match self {
            Obj::None => 0u8.hash(h),
            Obj::Str(s) => s.hash(h),
            Obj::List(v) | Obj::Tuple(v) => v.hash(h),
            Obj::Dict(v) => v.len().hash(h),
            Obj::Set(v) => v.len().hash(h),
            _ => {
                // 1, 1.0 and True are the same key in Python.
                let x = self.num().unwrap_or(0.0);
                if x.fract() == 0.0 && x.abs() < 9.2e18 { (x as i64).hash(h) } else { x.to_bits().hash(h) }
            }
        }
    }
}

impl PyStr for Obj {
    fn py_str(&self) -> String {
        match self {
            Obj::Str(s) => s.clone(),
            _ => self.py_repr(),
        }
    }
    fn py_repr(&self) -> String {
        match self {
            Obj::None => "None".to_string(),
            Obj::Bool(b) => b.py_repr(),
            Obj::Int(i) => i.to_string(),
            Obj::Float(f) => fmt_float(*f),
            Obj::Str(s) => repr_str(s),
            Obj::List(v) => v.py_repr(),
            Obj::Tuple(v) => py_tuple_repr(v),
            Obj::Dict(v) => format!("{{{}}}", v.iter().map(|(k, x)| format!("{}: {}", k.py_repr(), x.py_repr())).collect::<Vec<_>>().join(", ")),
            Obj::Set(v) if v.is_empty() => "set()".to_string(),
            Obj::Set(v) => format!("{{{}}}", v.iter().map(|x| x.py_repr()).collect::<Vec<_>>().join(", ")),
        }
    }
}

/// \`x op= y\` on a tagged value in place.
#[allow(dead_code)]
fn obj_aug(x: &mut Obj, y: &Obj, op: char) {
    *x = obj_arith(x, y, op);
}

/// Python arithmetic on values that may be int or float: int op int stays int.
#[allow(dead_code)]
fn obj_arith(a: &Obj, b: &Obj, op: char) -> Obj {
    match (a, b) {
        (Obj::Int(_) | Obj::Bool(_), Obj::Int(_) | Obj::Bool(_)) if op == 'p' && b.as_i64() >= 0 => {
            Obj::Int(a.as_i64().checked_pow(b.as_i64() as u32).expect("OverflowError: integer too large for 64 bits"))
        }
        (Obj::Int(_) | Obj::Bool(_), Obj::Int(_) | Obj::Bool(_)) if op != '/' && op != 'p' => {
            let (x, y) = (a.as_i64(), b.as_i64());
            Obj::Int(match op {
                '+' => x + y,
                '-' => x - y,
                '*' => x * y,
                '%' => {
                    if y == 0 {
                        panic!("ZeroDivisionError: integer modulo by zero");
                    }
                    x.rem_euclid(y) + if y < 0 && x.rem_euclid(y) != 0 { y } else { 0 }
                }
                _ => {
                    if y == 0 {
                        panic!("ZeroDivisionError: integer division or modulo by zero");
                    }
                    x.div_euclid(y) - if y < 0 && x.rem_euclid(y) != 0 { 1 } else { 0 }
                }
            })
        }
        (Obj::Str(x), Obj::Str(y)) if op == '+' => Obj::Str(format!("{}{}", x, y)),
        _ => {
            let (x, y) = (a.as_f64(), b.as_f64());
            if y == 0.0 && !matches!(op, '+' | '-' | '*' | 'p') {
                let ints = a.as_i64_opt().is_some() && b.as_i64_opt().is_some();
                panic!("ZeroDivisionError: {}", if ints { "division by zero" } else if op == '%' { "float modulo" } else if op == 'f' { "float floor division by zero" } else { "float division by zero" });
            }
            Obj::Float(match op {
                '+' => x + y,
                '-' => x - y,
                '*' => x * y,
                '/' => x / y,
                'p' => x.powf(y),
                '%' => py_fmod(x, y),
                _ => py_ffloordiv(x, y),
            })
        }
    }
}`,
  },
  obj_arith_r: {
    deps: ['obj', 'exc'],
    code: `
/// obj_arith where a ZeroDivisionError is caught: the error as a value, with CPython's message.
fn obj_arith_r(a: &Obj, b: &Obj, op: char) -> Result<Obj, PyErr> {
    if matches!(op, '/' | 'f' | '%') && b.num() == Some(0.0) {
        let ints = a.as_i64_opt().is_some() && b.as_i64_opt().is_some();
        let msg = match (ints, op) {
            (true, '/') => "division by zero",
            (true, '%') => "integer modulo by zero",
            (true, _) => "integer division or modulo by zero",
            (false, '/') => "float division by zero",
            (false, '%') => "float modulo",
            (false, _) => "float floor division by zero",
        };
        return Err(PyErr::new("ZeroDivisionError", msg));
    }
    Ok(obj_arith(a, b, op))
}`,
  },
  obj_fmt: {
    deps: ['obj', 'format'],
    code: `
/// format(x, spec) of a tagged value: the spec applies to its run-time type.
fn fmt_obj(x: &Obj, spec: &str) -> String {
    match x {
        Obj::Int(i) => fmt_int(*i, spec),
        Obj::Bool(b) => fmt_int(*b as i64, spec),
        Obj::Float(f) => fmt_f64(*f, spec),
        _ => fmt_str(&x.py_str(), spec),
    }
}`,
  },
  str_find: {
    deps: [],
    code: `
/// Python's optional start/end of str methods resolved against a length in code points.
fn str_range(n: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let n = n as i64;
    let adj = |v: i64| if v < 0 { (v + n).max(0) } else { v };
    (start.map_or(0, adj), end.map_or(n, |v| adj(v).min(n)))
}

/// str.find / str.rfind with start and end (code points); -1 when absent.
fn str_find_at(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, rev: bool) -> i64 {
    let hay: Vec<char> = s.chars().collect();
    let pat: Vec<char> = sub.chars().collect();
    let (a, b) = str_range(hay.len(), start, end);
    if b - a < pat.len() as i64 {
        return -1;
    }
    let mut positions = a as usize..=(b as usize - pat.len());
    let hit = |i: &usize| hay[*i..*i + pat.len()] == pat[..];
    let found = if rev { positions.rev().find(hit) } else { positions.find(hit) };
    found.map_or(-1, |i| i as i64)
}

/// str.count with start and end: non-overlapping occurrences.
fn str_count_at(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let hay: Vec<char> = s.chars().collect();
    let (a, b) = str_range(hay.len(), start, end);
    if b < a {
        return 0;
    }
    let pat: Vec<char> = sub.chars().collect();
    if pat.is_empty() {
        return b - a + 1;
    }
    let (mut i, b, mut n) = (a as usize, b as usize, 0);
    while i + pat.len() <= b {
        if hay[i..i + pat.len()] == pat[..] {
            n += 1;
            i += pat.len();
        } else {
            i += 1;
        }
    }
    n
}`,
  },
  str_py: {
    deps: [],
    code: `
/// str.isspace() for one character (Python also counts the \\x1c-\\x1f separators).
fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\\x1c'..='\\x1f').contains(&c)
}

/// str.split() / str.split(None, maxsplit): runs of whitespace, no empty strings.
fn str_split_ws(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_isspace);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest.to_string());
            break;
        }
        match rest.find(py_isspace) {
            Some(i) => {
                out.push(rest[..i].to_string());
                rest = rest[i..].trim_start_matches(py_isspace);
            }
            None => {
                out.push(rest.to_string());
                break;
            }
        }
    }
    out
}

/// str.rsplit(None, maxsplit)
fn str_rsplit_ws(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(py_isspace);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest.to_string());
            break;
        }
        match rest.rfind(py_isspace) {
            Some(i) => {
                let w = rest[i..].chars().next().map_or(1, |c| c.len_utf8());
                out.push(rest[i + w..].to_string());
                rest = rest[..i].trim_end_matches(py_isspace);
            }
            None => {
                out.push(rest.to_string());
                break;
            }
        }
    }
    out.reverse();
    out
}

/// str.splitlines(keepends)
fn str_splitlines(s: &str, keepends: bool) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '\\n' | '\\r' | '\\x0b' | '\\x0c' | '\\x1c' | '\\x1d' | '\\x1e' | '\\u{85}' | '\\u{2028}' | '\\u{2029}') {
            let mut end = i + 1;
            if c == '\\r' && chars.get(i + 1) == Some(&'\\n') {
                end += 1;
            }
            out.push(chars[start..if keepends { end } else { i }].iter().collect());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect());
    }
    out
}

/// str.partition(sep)
fn str_partition(s: &str, sep: &str) -> (String, String, String) {
    match s.find(sep) {
        Some(i) => (s[..i].to_string(), sep.to_string(), s[i + sep.len()..].to_string()),
        None => (s.to_string(), String::new(), String::new()),
    }
}

/// str.rpartition(sep)
fn str_rpartition(s: &str, sep: &str) -> (String, String, String) {
    match s.rfind(sep) {
        Some(i) => (s[..i].to_string(), sep.to_string(), s[i + sep.len()..].to_string()),
        None => (String::new(), String::new(), s.to_string()),
    }
}

/// str.expandtabs(tabsize)
fn str_expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat(' ').take(n as usize));
                    col += n;
                }
            }
            '\\n' | '\\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// str.istitle()
fn str_istitle(s: &str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// str.isidentifier()
fn str_isidentifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

/// str.isprintable() for one character.
fn py_isprintable(c: char) -> bool {
    c == ' ' || !(c.is_control() || c.is_whitespace() || matches!(c, '\\u{ad}' | '\\u{200b}'..='\\u{200f}' | '\\u{2028}'..='\\u{202e}' | '\\u{2060}'..='\\u{206f}' | '\\u{feff}'))
}

/// str.casefold()
fn str_casefold(s: &str) -> String {
    s.to_lowercase().replace('ß', "ss").replace('ς', "σ")
}

/// First code points of the Unicode decimal-digit (Nd) runs of ten, as CPython's isdecimal().
const ND_STARTS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946,
    0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce,
    0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Digits that are not decimal (superscripts, circled digits): CPython's isdigit() adds them.
const DIGIT_EXTRA: [(u32, u32); 20] = [
    (0xb2, 0xb3), (0xb9, 0xb9), (0x1369, 0x1371), (0x19da, 0x19da), (0x2070, 0x2070), (0x2074, 0x2079), (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247c),
    (0x2488, 0x2490), (0x24ea, 0x24ea), (0x24f5, 0x24fd), (0x24ff, 0x24ff), (0x2776, 0x277e), (0x2780, 0x2788), (0x278a, 0x2792), (0x10a40, 0x10a43),
    (0x10e60, 0x10e68), (0x11052, 0x1105a), (0x1f100, 0x1f10a),
];

fn py_isdecimal(c: char) -> bool {
    let u = c as u32;
    if u < 128 {
        return c.is_ascii_digit();
    }
    ND_STARTS.iter().any(|&s| u >= s && u < s + 10)
}

fn py_isdigit(c: char) -> bool {
    py_isdecimal(c) || DIGIT_EXTRA.iter().any(|&(a, b)| (a..=b).contains(&(c as u32)))
}

fn py_isnumeric(c: char) -> bool {
    py_isdigit(c) || c.is_numeric() || matches!(c, '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '億')
}`,
  },
};

/** The helper chunks needed for a set of used chunk names, in a stable order, deps first. */
export function runtimeFor(used: Iterable<string>): string {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = RUNTIME[name];
    if (!chunk) throw new Error(`unknown runtime chunk ${name}`);
    chunk.deps.forEach(visit);
    order.push(name);
  };
  [...used].sort().forEach(visit);
  return order.map((n) => RUNTIME[n].code.trim()).join('\n\n');
}
