;;; claimlint-eglot.el --- claimlint language server for Emacs with eglot  -*- lexical-binding: t; -*-

;; Usage: put this in your init file (or `load' this file from it) and make
;; sure `claimlint' is on `exec-path' (or give its full path instead of
;; "claimlint").  It works as it is: the server takes the article from the
;; project's `.claimlint.toml' (`article = "..."') or from the
;; CLAIMLINT_ARTICLE environment variable; set `claimlint-article' only to
;; override those for every project.  Eglot is built into Emacs
;; 29+; on older Emacs install it from GNU ELPA.  Opening a Markdown note
;; starts the server (`eglot-ensure'); then flymake shows the diagnostics,
;; `eldoc' the hover, `M-.' follows a §Section reference into the article
;; and `M-x eglot-code-actions' offers the fixes.
;;
;; The settings go out twice: as initializationOptions (read at start) and
;; as the "claimlint" section of `eglot-workspace-configuration' (sent on
;; change and on the server's workspace/configuration requests).  Keys:
;; :article, :claims, :severity (plist code -> "error"/"warning"/
;; "information"/"hint"), :disable (vector of codes).  The server merges
;; them key by key, so a project's `.dir-locals.el' may set only some, e.g.
;;   ((nil . ((eglot-workspace-configuration
;;             . (:claimlint (:disable ["unsupported"]))))))
;; and keeps the others (the article included).
;;
;; Tried by hand with Emacs 28.2, eglot 1.9 and markdown-mode 2.5 (Debian's
;; emacs-nox, elpa-eglot, elpa-markdown-mode): flymake shows the
;; diagnostics and `M-.' on a §Section reference lands on its heading.

;;; Code:

(defvar claimlint-article nil
  "Absolute path of the article's text, for claimlint, or nil.
Nil: the server finds it through the project's .claimlint.toml or the
CLAIMLINT_ARTICLE environment variable (`claimlint sections' shows which).")

(defun claimlint--settings ()
  "The settings claimlint reads (only those that are set)."
  (append (and claimlint-article (list :article claimlint-article))
          ;; (list :claims (expand-file-name "~/articles/claims.toml"))
          ;; (list :disable ["unsupported"])
          ;; (list :severity '(:unsupported "hint"))
          ))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((markdown-mode gfm-mode markdown-ts-mode)
                 . ("claimlint" "lsp"
                    :initializationOptions ,(claimlint--settings))))
  (setq-default eglot-workspace-configuration
                (list :claimlint (claimlint--settings))))

(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'gfm-mode-hook #'eglot-ensure)

(provide 'claimlint-eglot)
;;; claimlint-eglot.el ends here
