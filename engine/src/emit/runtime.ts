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
    if r != 0.0 && ((r < 0.0) != (b < 0.0)) { r + b } else { r }
}

/// Python \`//\` on floats.
fn py_ffloordiv(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        panic!("ZeroDivisionError: float floor division by zero");
    }
    (a / b).floor()
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
    let exp = x.abs().log10().floor() as i32;
    if (-4..16).contains(&exp) {
        let s = format!("{:?}", x);
        if s.contains('e') {
            // Rust may pick exponent form near the edges; redo it positionally.
            let s = format!("{}", x);
            return if s.contains('.') { s } else { s + ".0" };
        }
        return s;
    }
    let s = format!("{:e}", x);
    let (mant, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    let mant = if mant.contains('.') { mant.to_string() } else { mant.to_string() };
    format!("{}e{}{:02}", mant, if e < 0 { '-' } else { '+' }, e.abs())
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
}`,
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
/// A raised Python exception: its class name and message.
#[derive(Clone, Debug, PartialEq)]
struct PyErr {
    kind: &'static str,
    msg: String,
}

impl PyErr {
    fn new(kind: &'static str, msg: impl Into<String>) -> Self {
        PyErr { kind, msg: msg.into() }
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
    eprintln!("Traceback (most recent call last):");
    if e.msg.is_empty() {
        eprintln!("{}", e.kind);
    } else {
        eprintln!("{}: {}", e.kind, e.msg);
    }
    std::process::exit(1)
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
    deps: ['exc'],
    code: `
/// int(s) for a str: ValueError with CPython's message on bad input.
fn py_int(s: &str) -> Result<i64, PyErr> {
    let t = s.trim().replace('_', "");
    t.parse::<i64>().map_err(|_| PyErr::new("ValueError", format!("invalid literal for int() with base 10: {}", repr_str(s))))
}`,
  },
  parse_float: {
    deps: ['exc'],
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
  round: {
    deps: [],
    code: `
/// round(x, n) like CPython: half-even on the decimal value of the binary double.
fn py_round(x: f64, n: i32) -> f64 {
    let s = format!("{:.*}", n.max(0) as usize, x);
    s.parse().unwrap()
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
