//! Counts in words, as the page says them.

/// `1 error`, `2 errors`, `0 rules`.
pub fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_is_singular_and_the_rest_plural() {
        assert_eq!(super::counted(1, "error"), "1 error");
        assert_eq!(super::counted(0, "warning"), "0 warnings");
        assert_eq!(super::counted(3, "rule"), "3 rules");
    }
}
