# zsh -f capture.zsh FOLDER 'COMMAND LINE' OUT: types the line and <TAB> into an interactive zsh on a pseudo-terminal,
# with _carbonscope-cli from FOLDER on the fpath, and writes the matches its completion offered to OUT, sorted.
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PROMPT='' RPROMPT=''; typeset -ga __hits"
zpty -w z "fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -D"
# Every match added, seen by wrapping compadd (calls that only fill arrays are passed through).
zpty -w z "compadd() { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd \"\$@\"; return; fi; local -a h; builtin compadd -A h \"\$@\"; __hits+=(\$h); builtin compadd \"\$@\"; }"
zpty -w z "zstyle ':completion:*' menu no; bindkey '^I' complete-word; print MARK''1"
zpty -r z x '*MARK1*' || exit 3
zpty -n -w z "$2"$'\t'
zpty -w z $'\C-u'"print -l -- \${(ou)__hits} > ${(q)3}; print END''HITS"
zpty -r z x '*ENDHITS*' || exit 4
zpty -d z
