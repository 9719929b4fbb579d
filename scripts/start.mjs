// `npm start` will run the local sandbox (design.md section 6) once that part lands.
console.log('The sandbox is coming: `npm start` will run a local Wix-like member page.');
console.log('Until then: `npm test` runs every test, `npm run build` builds dist/sitegpt-member-chat.js.');
