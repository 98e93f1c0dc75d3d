// create-link: making (or, by title, reusing) a link is a link-level step that upload takes for every
// file too, so it lives in links/.
export { createLink } from '../links/create-link.js'
