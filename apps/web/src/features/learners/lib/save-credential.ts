/** Saves a credential (a compact VC-JWT) as a file the browser downloads, for the holder to keep. */
export function saveCredential(jwt: string, fileName: string) {
  const href = URL.createObjectURL(new Blob([jwt], { type: 'application/vc+jwt' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
